/**
 * The tokens in alert mail links (confirm, unsubscribe): "gsa_" and 32 random bytes in
 * base64url, so they cannot be guessed and need no slow hash. Only their SHA-256 is stored
 * (alert_token); a presented token is found by looking its hash up.
 */
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PATTERN = /^gsa_[A-Za-z0-9_-]{43}$/;

export function newAlertToken(): string {
  return "gsa_" + randomBytes(32).toString("base64url");
}

/** Whether a value has a token's shape: anything else is refused before the database is asked. */
export function isAlertToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

export function hashAlertToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
