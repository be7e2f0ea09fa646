/**
 * The log leaf: one notice version (or one redaction) as RFC 8785 canonical JSON in UTF-8.
 * docs/log-format.md specifies the bytes; test/log/testdata/leaf-golden.json pins them.
 *
 * These bytes can never change once the first entry is written, so there is exactly one
 * encoding per record and the decoder accepts nothing else: a leaf must re-encode to the
 * identical bytes it was read from. That single rule rejects whitespace, member order,
 * escaped characters, "1.0" for 1 and duplicate members — any of which would let two byte
 * strings (two leaf hashes) stand for what a verifier shows as the same notice.
 */
import { FormatError, InputError } from "./errors";
import { bytesEqual, fromUtf8, toBase64 } from "./encoding";
import { canonicalJsonBytes, compareCodeUnits } from "./jcs";
import { commitValue } from "./commitment";
import { checkLeafRecord, type Fail } from "./notice-leaf-check";
import { FIELD_NAME_PATTERN, NOTICE_SCHEMA, type LeafAttachment, type LeafRecord, type NoticeKind, type NoticeLeaf, type RedactLeaf } from "./notice-leaf-schema";

export * from "./notice-leaf-schema";
export { attachmentDigest, attachmentMatches, commitmentPaths, digestMatches, verifyFieldCommitments } from "./notice-leaf-verify";

/**
 * Far above the largest valid leaf (64 fields, 100 attachments, or 164 withheld paths and
 * a 500-character basis all stay under 32 KiB); refused before parsing, so a hostile
 * mirror cannot make a verifier parse megabytes. 65535, not 65536: tlog-tiles entry bundles
 * prefix each entry with a 2-byte length.
 */
export const MAX_LEAF_SIZE = 65535;

export interface AttachmentInput {
  sha256: string;
  size: number;
  /** Plaintext file name, committed with nameSalt. */
  name: string;
  nameSalt: Uint8Array;
}

export interface NoticeVersionInput {
  kind: NoticeKind;
  agency: string;
  notice: string;
  version: number;
  /** Log time, as Date.prototype.toISOString() gives it. */
  loggedAt: string;
  supersedes: number | null;
  /** Field name → plaintext value. */
  fields: Readonly<Record<string, string>>;
  /** Field name → 32-byte salt; exactly the names in `fields`. */
  salts: Readonly<Record<string, Uint8Array>>;
  attachments: readonly AttachmentInput[];
}

export type RedactInput = Omit<RedactLeaf, "schema" | "kind">;

const inputFail: Fail = (code, message) => {
  throw new InputError(code, message);
};
const formatFail: Fail = (code, message) => {
  throw new FormatError(code, message);
};

/** A notice version whose commitments are already computed (commitFields, commitAttachments). */
export interface CommittedNoticeInput extends Omit<NoticeVersionInput, "fields" | "salts" | "attachments"> {
  /** Field name → base64 of the 32-byte commitment: what the leaf's `fields` holds. */
  fields: Readonly<Record<string, string>>;
  attachments: readonly LeafAttachment[];
}

/** Field name → base64 commitment of its value under its salt; throws InputError on bad input. */
export function commitFields(fields: Readonly<Record<string, string>>, salts: Readonly<Record<string, Uint8Array>>): Record<string, string> {
  const names = Object.keys(fields).sort(compareCodeUnits);
  const saltNames = Object.keys(salts).sort(compareCodeUnits);
  if (JSON.stringify(names) !== JSON.stringify(saltNames)) {
    throw new InputError("salt-mismatch", "exactly one salt is needed per field");
  }
  const out: Record<string, string> = {};
  for (const name of names) {
    // Checked before use as a key: assigning to "__proto__" would silently drop the field.
    if (!FIELD_NAME_PATTERN.test(name)) throw new InputError("leaf-bad-field-name", `bad field name ${JSON.stringify(name)}`);
    out[name] = toBase64(commitValue(salts[name]!, fields[name]!));
  }
  return out;
}

/** The leaf's attachments: each file name committed with its salt. */
export function commitAttachments(attachments: readonly AttachmentInput[]): LeafAttachment[] {
  return attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: toBase64(commitValue(a.nameSalt, a.name)) }));
}

/** Commits each field and attachment name with its salt; throws InputError on bad input. */
export function buildNoticeLeaf(input: NoticeVersionInput): NoticeLeaf {
  return buildCommittedNoticeLeaf({ ...input, fields: commitFields(input.fields, input.salts), attachments: commitAttachments(input.attachments) });
}

/** A notice leaf from commitments computed earlier; the record is checked here. Throws InputError. */
export function buildCommittedNoticeLeaf(input: CommittedNoticeInput): NoticeLeaf {
  const record = {
    schema: NOTICE_SCHEMA,
    kind: input.kind,
    agency: input.agency,
    notice: input.notice,
    version: input.version,
    loggedAt: input.loggedAt,
    supersedes: input.supersedes,
    fields: input.fields,
    attachments: input.attachments,
  };
  return checkLeafRecord(record, inputFail) as NoticeLeaf;
}

/**
 * The leaf bytes of a notice version from its commitments: the record is checked once, by
 * the builder (encodeLeaf(buildNoticeLeaf(…)) checks it twice, a quarter of the committer's
 * leaf-building time).
 */
export function encodeCommittedNoticeLeaf(input: CommittedNoticeInput): Uint8Array {
  return canonicalJsonBytes(buildCommittedNoticeLeaf(input));
}

/** A redaction leaf; `withhold` is sorted and deduplicated here. Throws InputError. */
export function buildRedactLeaf(input: RedactInput): RedactLeaf {
  const withhold = [...new Set(input.withhold)].sort(compareCodeUnits);
  const record = { schema: NOTICE_SCHEMA, kind: "redact", ...input, withhold };
  return checkLeafRecord(record, inputFail) as RedactLeaf;
}

/** The leaf bytes of a record; throws InputError unless it satisfies the schema exactly. */
export function encodeLeaf(record: LeafRecord): Uint8Array {
  return canonicalJsonBytes(checkLeafRecord(record, inputFail));
}

/**
 * Parses leaf bytes read from the log. Throws FormatError (codes "leaf-…") unless the bytes
 * are valid UTF-8, valid JSON, match the schema exactly and are the canonical encoding.
 */
export function decodeLeaf(bytes: Uint8Array): LeafRecord {
  if (!(bytes instanceof Uint8Array)) throw new InputError("bad-bytes", "leaf bytes must be a Uint8Array");
  if (bytes.length > MAX_LEAF_SIZE) throw new FormatError("leaf-too-large", `a leaf is at most ${MAX_LEAF_SIZE} bytes`);
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    throw new FormatError("leaf-bad-utf8", "leaf is not valid UTF-8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FormatError("leaf-bad-json", "leaf is not valid JSON");
  }
  const record = checkLeafRecord(parsed, formatFail);
  if (!bytesEqual(canonicalJsonBytes(record), bytes)) {
    throw new FormatError("leaf-not-canonical", "leaf is not in RFC 8785 canonical form (whitespace, member order, escapes, number form or duplicate members)");
  }
  return record;
}
