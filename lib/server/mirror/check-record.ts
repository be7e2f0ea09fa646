/**
 * Checks one record the origin served (GET /api/v1/log/records) against its own leaf bytes and
 * the leaf hash the signed tree holds, before the mirror stores anything of it. Pure: the
 * attachment bytes are checked where they are fetched (lib/server/mirror/copy-checkpoint.ts).
 *
 * What the leaf commits to is checked exactly: field values and salts (commitments), attachment
 * names (commitments), hashes and sizes. What it does not commit to (a version's creation time,
 * an attachment's media type, a redaction's time) is only checked for shape: the mirror serves
 * it as the origin's word, as every verifier already treats it.
 */
import { attachmentNamePath, commitmentPaths, decodeLeaf, fromBase64, hashLeaf, verifyFieldCommitments, type Hash, type NoticeLeaf, type RedactLeaf } from "@/lib/core/log";
import { MirrorRefusal, OriginUnavailable } from "./mirror-evidence";
import type { OriginRecord } from "./origin-schemas";

export interface CheckedVersion {
  kind: "version";
  index: number;
  leaf: NoticeLeaf;
  leafBytes: Uint8Array;
  leafHash: Hash;
  createdAt: Date;
  /** What the mirror stores and serves: withheld fields have neither value nor salt. */
  fields: Record<string, string>;
  salts: Record<string, string>;
  attachments: { position: number; fileName: string; nameSalt: Uint8Array; mediaType: string; sha256: string; size: number }[];
  redactions: { withhold: string[]; basis: string; at: Date; logIndex: number | null }[];
}

export interface CheckedRedaction {
  kind: "redaction";
  index: number;
  leaf: RedactLeaf;
  leafBytes: Uint8Array;
  leafHash: Hash;
  at: Date;
}

export type CheckedRecord = CheckedVersion | CheckedRedaction;

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/i;

/**
 * The record at `index`, checked against its own leaf. Whether the leaf is the one the signed
 * tree holds is checked once per checkpoint, by recomputing the root from every leaf copied.
 */
export function checkRecord(record: OriginRecord, index: number): CheckedRecord {
  if (record.index !== index) throw new OriginUnavailable(`the origin served entry ${record.index} where ${index} was asked for`);
  const leafBytes = decodeBase64(record.leaf, `leaf ${index}`);
  const leafHash = hashLeaf(leafBytes);
  let leaf;
  try {
    leaf = decodeLeaf(leafBytes);
  } catch (e) {
    throw new MirrorRefusal({ kind: "bad-leaf", message: `entry ${index} is not a valid leaf: ${(e as Error).message}`, entry: { index } });
  }
  if (leaf.kind === "redact") {
    if (!record.redaction || record.version) throw badContent(index, leaf.notice, undefined, "a redact entry served as something else");
    if (leaf.target >= index)
      throw new MirrorRefusal({ kind: "bad-leaf", message: `redact entry ${index} targets the later entry ${leaf.target}`, entry: { index, notice: leaf.notice } });
    return { kind: "redaction", index, leaf, leafBytes, leafHash, at: parseTime(record.redaction.at, index) };
  }
  const v = record.version;
  if (!v || record.redaction) throw badContent(index, leaf.notice, leaf.version, "a notice version served without its content");
  if (v.notice !== leaf.notice || v.version !== leaf.version) {
    throw badContent(index, leaf.notice, leaf.version, `served as version ${v.version} of notice ${v.notice}`);
  }
  return checkVersion(v, leaf, index, leafBytes, leafHash);
}

function checkVersion(v: NonNullable<OriginRecord["version"]>, leaf: NoticeLeaf, index: number, leafBytes: Uint8Array, leafHash: Hash): CheckedVersion {
  const paths = new Set(commitmentPaths(leaf));
  const redactions = v.redactions.map((r) => {
    const unknown = r.withhold.find((p) => !paths.has(p));
    if (unknown !== undefined) throw badContent(index, leaf.notice, leaf.version, `a redaction withholds ${unknown}, which the version does not have`, unknown);
    return { withhold: r.withhold, basis: r.basis, at: parseTime(r.at, index), logIndex: r.logIndex };
  });
  const withheld = new Set(redactions.flatMap((r) => r.withhold));
  const values: Record<string, string> = {};
  const salts: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(v.fields)) if (!withheld.has(name)) values[name] = value;
  // A salt that is not base64 cannot reproduce its commitment: reported below, naming the field.
  for (const [name, salt] of Object.entries(v.salts)) if (!withheld.has(name)) salts[name] = saltBytes(salt);

  if (v.attachments.length !== leaf.attachments.length) {
    throw badContent(index, leaf.notice, leaf.version, `${v.attachments.length} attachments served, the leaf has ${leaf.attachments.length}`);
  }
  const attachments = v.attachments.map((a, i) => {
    const committed = leaf.attachments[i]!;
    if (a.position !== i) throw badContent(index, leaf.notice, leaf.version, `attachment ${i} served at position ${a.position}`);
    if (a.sha256 !== committed.sha256 || a.size !== committed.size) {
      throw new MirrorRefusal({
        kind: "bad-attachment",
        message: `notice ${leaf.notice} version ${leaf.version}: attachment ${a.fileName || i} is described as ${a.sha256} (${a.size} bytes), the log says ${committed.sha256} (${committed.size} bytes)`,
        entry: { index, notice: leaf.notice, version: leaf.version, file: a.fileName || `attachment-${i}`, expected: committed.sha256, got: a.sha256 },
      });
    }
    const path = attachmentNamePath(i);
    if (!withheld.has(path)) {
      values[path] = a.fileName;
      salts[path] = saltBytes(a.nameSalt);
    }
    return {
      position: i,
      fileName: withheld.has(path) ? "" : a.fileName,
      // Neither name nor salt of a withheld name reaches the mirror; the column wants 32 bytes, and
      // zeros are never served (the name is withheld from every page and API, as at the origin).
      nameSalt: withheld.has(path) ? new Uint8Array(32) : salts[path]!,
      mediaType: MEDIA_TYPE.test(a.mediaType) ? a.mediaType : "application/octet-stream",
      sha256: committed.sha256,
      size: committed.size,
    };
  });

  const check = verifyFieldCommitments(leaf, values, salts, withheld);
  if (check.mismatched.length > 0) {
    const field = check.mismatched[0]!;
    throw new MirrorRefusal({
      kind: "bad-content",
      message: `notice ${leaf.notice} version ${leaf.version}: ${field} does not match its commitment in log entry ${index}`,
      entry: { index, notice: leaf.notice, version: leaf.version, field, expected: commitmentOf(leaf, field), got: values[field] },
    });
  }
  const fields = Object.fromEntries(Object.entries(values).filter(([p]) => !p.startsWith("attachments/")));
  const saltText = Object.fromEntries(Object.keys(fields).map((name) => [name, v.salts[name]!]));
  return { kind: "version", index, leaf, leafBytes, leafHash, createdAt: parseTime(v.createdAt, index), fields, salts: saltText, attachments, redactions };
}

function commitmentOf(leaf: NoticeLeaf, path: string): string | undefined {
  const m = /^attachments\/(\d+)\/name$/.exec(path);
  return m ? leaf.attachments[Number(m[1])]?.name : leaf.fields[path];
}

function badContent(index: number, notice: string, version: number | undefined, what: string, field?: string): MirrorRefusal {
  return new MirrorRefusal({
    kind: "bad-content",
    message: `log entry ${index} (notice ${notice}${version ? ` version ${version}` : ""}): ${what}`,
    entry: { index, notice, version, field },
  });
}

function decodeBase64(text: string, what: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    throw new OriginUnavailable(`the origin served malformed base64 for the ${what}`);
  }
}

function saltBytes(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    return new Uint8Array(0);
  }
}

function parseTime(text: string, index: number): Date {
  const t = new Date(text);
  if (Number.isNaN(t.getTime())) throw new OriginUnavailable(`the origin served a malformed time for entry ${index}`);
  return t;
}
