import "server-only";
/**
 * The secret of an agency API token: "gst_" and 32 random bytes in base64url (256 bits, so it
 * cannot be guessed and needs no slow hash). Only its SHA-256 is stored; a presented token is
 * found by looking its hash up, so no code path ever compares a secret byte by byte.
 */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "gst_";
/** How much of a token the admin page shows to tell tokens apart: "gst_" and 8 characters. */
export const SHOWN_PREFIX_LENGTH = 12;
const TOKEN_PATTERN = /^gst_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function isTokenSecret(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function shownPrefix(secret: string): string {
  return secret.slice(0, SHOWN_PREFIX_LENGTH);
}

/**
 * The token of an `Authorization: Bearer <token>` header, or null when the header is missing
 * or is not a well-formed token (RFC 6750 §2.1: the scheme is case-insensitive).
 */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header ?? "");
  return match && isTokenSecret(match[1]!) ? match[1]! : null;
}
