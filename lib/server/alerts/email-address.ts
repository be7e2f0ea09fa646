/**
 * The address an alert goes to: trimmed, at most 254 characters (RFC 5321's path limit), and a
 * plain addr-spec as zod's email check accepts it (no display name, no comments, no line breaks,
 * so nothing typed can add a header to a mail).
 */
import { z } from "zod";

const EMAIL = z.email();

/** The address to store and mail, or null when it is not one. */
export function parseEmailAddress(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim();
  if (email.length < 3 || email.length > 254) return null;
  return EMAIL.safeParse(email).success ? email : null;
}
