/**
 * The one strict check of a "gongshi/notice/v1" record, shared by encoding and decoding.
 *
 * A leaf is hashed into the log forever, so the check admits exactly one shape: the listed
 * members and no others, each with a closed pattern. Anything looser would let two leaves
 * that a verifier displays identically hash differently, or let a future reader interpret
 * a member the writer never meant. Encoding reports a violation as InputError (our bug),
 * decoding as FormatError (bad or tampered bytes): the `fail` callback decides which.
 */
import { compareCodeUnits } from "./jcs";
import { isWellFormed } from "./commitment";
import {
  AGENCY_PATTERN,
  FIELD_NAME_PATTERN,
  MAX_ATTACHMENTS,
  MAX_BASIS_CODE_POINTS,
  MAX_FIELDS,
  MAX_WITHHOLD,
  NOTICE_ID_PATTERN,
  NOTICE_KINDS,
  NOTICE_SCHEMA,
  SHA256_HEX_PATTERN,
  isCommitment,
  isLoggedAt,
  isWithholdPath,
  type LeafAttachment,
  type LeafRecord,
  type NoticeKind,
  type NoticeLeaf,
  type RedactLeaf,
} from "./notice-leaf-schema";

const NOTICE_MEMBERS = ["agency", "attachments", "fields", "kind", "loggedAt", "notice", "schema", "supersedes", "version"];
const REDACT_MEMBERS = ["agency", "basis", "kind", "loggedAt", "notice", "schema", "target", "withhold"];
const ATTACHMENT_MEMBERS = ["name", "sha256", "size"];

export type Fail = (code: string, message: string) => never;

// Control characters, line/paragraph separators and bidi overrides: the basis is shown
// verbatim next to a withheld field, so it must not be able to break or reorder the display.
const BASIS_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Checks `value` against the schema and returns a fresh copy holding only known members. */
export function checkLeafRecord(value: unknown, fail: Fail): LeafRecord {
  const obj = asRecord(value, "leaf-not-object", "a leaf must be a JSON object", fail);
  if (!hasOwn(obj, "schema")) fail("leaf-missing-member", 'missing member "schema"');
  if (obj.schema !== NOTICE_SCHEMA) fail("leaf-bad-schema", `unsupported schema; expected "${NOTICE_SCHEMA}"`);
  if (!hasOwn(obj, "kind")) fail("leaf-missing-member", 'missing member "kind"');
  if (obj.kind === "redact") return checkRedact(obj, fail);
  if (!NOTICE_KINDS.includes(obj.kind as NoticeKind)) fail("leaf-bad-kind", "unknown kind");
  return checkNotice(obj, fail);
}

function checkNotice(obj: Record<string, unknown>, fail: Fail): NoticeLeaf {
  checkMembers(obj, NOTICE_MEMBERS, "", fail);
  const kind = obj.kind as NoticeKind;
  const { version, supersedes } = obj;
  if (!isIndex(version) || version < 1) fail("leaf-bad-version", "version must be an integer >= 1");
  if (kind === "publish" ? version !== 1 : version < 2) {
    fail("leaf-bad-version", "publish has version 1; amend, correct and retract have version > 1");
  }
  if (kind === "publish" ? supersedes !== null : !isIndex(supersedes)) {
    fail("leaf-bad-supersedes", "supersedes is null for publish, else the log index of the superseded version");
  }
  return {
    schema: NOTICE_SCHEMA,
    kind,
    ...checkSubject(obj, fail),
    version,
    supersedes: supersedes as number | null,
    fields: checkFields(obj.fields, fail),
    attachments: checkAttachments(obj.attachments, fail),
  };
}

function checkRedact(obj: Record<string, unknown>, fail: Fail): RedactLeaf {
  checkMembers(obj, REDACT_MEMBERS, "", fail);
  if (!isIndex(obj.target)) fail("leaf-bad-target", "target must be a log index (integer >= 0)");
  const { basis } = obj;
  const withhold = asArray(obj.withhold, "leaf-bad-withhold", "withhold must be an array", fail);
  if (withhold.length === 0 || withhold.length > MAX_WITHHOLD) {
    fail("leaf-bad-withhold", `withhold must hold 1..${MAX_WITHHOLD} paths`);
  }
  const paths: string[] = [];
  for (const path of withhold) {
    if (typeof path !== "string" || !isWithholdPath(path)) fail("leaf-bad-withhold", "unknown withhold path");
    // Strictly increasing: one canonical list, so the same redaction cannot be logged twice
    // under different hashes, and duplicates cannot pad it.
    const previous = paths[paths.length - 1];
    if (previous !== undefined && compareCodeUnits(previous, path) >= 0) {
      fail("leaf-bad-withhold", "withhold must be sorted by code unit and contain no duplicates");
    }
    paths.push(path);
  }
  if (typeof basis !== "string" || !isWellFormed(basis) || BASIS_FORBIDDEN.test(basis) || [...basis].length < 1 || [...basis].length > MAX_BASIS_CODE_POINTS) {
    fail("leaf-bad-basis", `basis must be 1..${MAX_BASIS_CODE_POINTS} characters without control characters`);
  }
  return {
    schema: NOTICE_SCHEMA,
    kind: "redact",
    ...checkSubject(obj, fail),
    target: obj.target,
    withhold: paths,
    basis,
  };
}

function checkSubject(obj: Record<string, unknown>, fail: Fail): { agency: string; notice: string; loggedAt: string } {
  const { agency, notice, loggedAt } = obj;
  if (typeof agency !== "string" || !AGENCY_PATTERN.test(agency)) fail("leaf-bad-agency", "bad agency id");
  if (typeof notice !== "string" || !NOTICE_ID_PATTERN.test(notice)) fail("leaf-bad-notice", "bad notice id");
  if (!isLoggedAt(loggedAt)) fail("leaf-bad-logged-at", "loggedAt must be a real UTC time as YYYY-MM-DDTHH:MM:SS.sssZ");
  return { agency, notice, loggedAt };
}

function checkFields(value: unknown, fail: Fail): Record<string, string> {
  const fields = asRecord(value, "leaf-bad-fields", "fields must be an object", fail);
  const names = Object.keys(fields);
  if (names.length > MAX_FIELDS) fail("leaf-bad-fields", `at most ${MAX_FIELDS} fields`);
  const out: Record<string, string> = {};
  for (const name of names) {
    if (!FIELD_NAME_PATTERN.test(name)) fail("leaf-bad-field-name", `bad field name ${quote(name)}`);
    const commitment = fields[name];
    if (!isCommitment(commitment)) fail("leaf-bad-commitment", `field ${name}: not a base64 32-byte commitment`);
    out[name] = commitment;
  }
  return out;
}

function checkAttachments(value: unknown, fail: Fail): LeafAttachment[] {
  const items = asArray(value, "leaf-bad-attachments", "attachments must be an array", fail);
  if (items.length > MAX_ATTACHMENTS) fail("leaf-bad-attachments", `at most ${MAX_ATTACHMENTS} attachments`);
  return items.map((item, i): LeafAttachment => {
    const where = `attachments/${i}`;
    const a = asRecord(item, "leaf-bad-attachment", `${where} must be an object`, fail);
    checkMembers(a, ATTACHMENT_MEMBERS, where + "/", fail);
    if (typeof a.sha256 !== "string" || !SHA256_HEX_PATTERN.test(a.sha256)) {
      fail("leaf-bad-attachment", `${where}/sha256 must be 64 lowercase hex digits`);
    }
    if (!isIndex(a.size)) fail("leaf-bad-attachment", `${where}/size must be an integer >= 0`);
    if (!isCommitment(a.name)) fail("leaf-bad-commitment", `${where}/name: not a base64 32-byte commitment`);
    return { sha256: a.sha256, size: a.size, name: a.name };
  });
}

function checkMembers(obj: Record<string, unknown>, expected: readonly string[], where: string, fail: Fail): void {
  for (const key of Object.keys(obj)) {
    if (!expected.includes(key)) fail("leaf-unknown-member", `unknown member ${quote(where + key)}`);
  }
  for (const key of expected) {
    if (!hasOwn(obj, key)) fail("leaf-missing-member", `missing member ${quote(where + key)}`);
  }
}

function asRecord(value: unknown, code: string, message: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(code, message);
  return value as Record<string, unknown>;
}

function asArray(value: unknown, code: string, message: string, fail: Fail): readonly unknown[] {
  if (!Array.isArray(value)) fail(code, message);
  return value as readonly unknown[];
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Untrusted text in an error message: quoted, escaped and cut short. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text);
}
