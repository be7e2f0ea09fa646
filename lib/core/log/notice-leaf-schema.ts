/**
 * The "gongshi/notice/v1" leaf schema: record types, member patterns and limits
 * (docs/log-format.md is the prose version). notice-leaf-check.ts enforces them.
 */

export const NOTICE_SCHEMA = "gongshi/notice/v1";

export type NoticeKind = "publish" | "amend" | "correct" | "retract";
export const NOTICE_KINDS: readonly NoticeKind[] = ["publish", "amend", "correct", "retract"];

export interface LeafAttachment {
  /** Lowercase hex SHA-256 of the file bytes, unsalted so a holder of the file can find it. */
  sha256: string;
  /** File size in bytes. */
  size: number;
  /** Base64 commitment to the file name. */
  name: string;
}

export interface NoticeLeaf {
  schema: typeof NOTICE_SCHEMA;
  kind: NoticeKind;
  agency: string;
  notice: string;
  version: number;
  loggedAt: string;
  supersedes: number | null;
  /** Field name → base64 of the 32-byte commitment. */
  fields: Record<string, string>;
  attachments: LeafAttachment[];
}

export interface RedactLeaf {
  schema: typeof NOTICE_SCHEMA;
  kind: "redact";
  agency: string;
  notice: string;
  loggedAt: string;
  /** Log index of the notice-version entry whose fields are withheld. */
  target: number;
  /** Commitment paths withheld, sorted by code unit, unique, non-empty. */
  withhold: string[];
  /** Plaintext legal basis (a statute citation); never personal data. */
  basis: string;
}

export type LeafRecord = NoticeLeaf | RedactLeaf;

export const AGENCY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const NOTICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/;
const LOGGED_AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
// 32 bytes are 43 base64 characters and "="; the last character's two low bits are padding
// and must be zero (canonical base64), so it is one of the 16 characters whose index is a
// multiple of 4.
const COMMITMENT_PATTERN = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
const ATTACHMENT_NAME_PATH = /^attachments\/(0|[1-9][0-9]?)\/name$/;

export const MAX_FIELDS = 64;
export const MAX_ATTACHMENTS = 100;
export const MAX_WITHHOLD = MAX_FIELDS + MAX_ATTACHMENTS;
export const MAX_BASIS_CODE_POINTS = 500;

/** The path by which a commitment is named in `withhold` and in verification results. */
export function attachmentNamePath(index: number): string {
  return `attachments/${index}/name`;
}

export function isWithholdPath(path: string): boolean {
  return FIELD_NAME_PATTERN.test(path) || ATTACHMENT_NAME_PATH.test(path);
}

/**
 * A real instant in exactly the form Date.prototype.toISOString produces. The round trip
 * rejects dates like 02-30 that Date.parse would silently roll over into March.
 */
export function isLoggedAt(value: unknown): value is string {
  if (typeof value !== "string" || !LOGGED_AT_PATTERN.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

/** Canonical standard base64 of exactly 32 bytes (non-zero padding bits are rejected). */
export function isCommitment(value: unknown): value is string {
  return typeof value === "string" && COMMITMENT_PATTERN.test(value);
}
