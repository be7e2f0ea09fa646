/**
 * Step 1 — content: the shown values and salts must reproduce every commitment of the log
 * entry's leaf, and rebuilding the leaf from them must give a byte string (step 2 hashes it).
 *
 * The entry's leaf supplies only what the shown page cannot: the commitments of withheld
 * fields (their values and salts are gone on purpose), the log time and `supersedes`. Every
 * other byte of the rebuilt leaf comes from what is shown, so a changed value, salt, file hash
 * or kind changes the rebuilt leaf and cannot pass step 2 either.
 */
import { NOTICE_SCHEMA, attachmentNamePath, commitValue, decodeLeaf, encodeLeaf, fromBase64, toBase64, verifyFieldCommitments, type NoticeLeaf } from "@/lib/core/log";
import type { ShownVersion, StepResult, WithheldField } from "./types";

export interface ContentOutcome {
  result: StepResult;
  /** The leaf rebuilt from the shown content; present when the step passed. */
  rebuiltLeaf?: Uint8Array;
}

export function checkContent(shown: ShownVersion, entryLeaf: string): ContentOutcome {
  const leaf = readNoticeLeaf(entryLeaf);
  if (typeof leaf === "string") return { result: failed("leaf-unreadable", leaf) };

  const mismatched = metadataMismatches(shown, leaf);
  const withheldPaths = new Set(shown.withheld.map((w) => w.path));
  const values: Record<string, string> = { ...shown.fields };
  const salts: Record<string, Uint8Array> = {};
  for (const [name, salt] of Object.entries(shown.salts)) addSalt(salts, name, salt);
  shown.attachments.forEach((a, i) => {
    const path = attachmentNamePath(i);
    if (withheldPaths.has(path)) return;
    values[path] = a.name;
    addSalt(salts, path, a.nameSalt);
  });
  const check = verifyFieldCommitments(leaf, values, salts, withheldPaths);
  mismatched.push(...check.mismatched, ...attachmentMismatches(shown, leaf));

  // Stryker disable next-line ObjectLiteral,StringLiteral: check.withheld holds only paths of shown.withheld (withheldPaths above), so the fallback is never used
  const withheld: WithheldField[] = check.withheld.map((path) => shown.withheld.find((w) => w.path === path) ?? { path, basis: "", at: "", logIndex: null });
  if (mismatched.length > 0) {
    const list = mismatched.map((m) => `"${m}"`).join(", ");
    return { result: { ...failed("content-mismatch", `shown content does not match the log entry: ${list}`), fields: mismatched, withheld } };
  }
  const rebuiltLeaf = rebuildLeaf(shown, leaf, withheldPaths, salts);
  const detail =
    withheld.length === 0
      ? "every field and attachment name reproduces its commitment in the log entry"
      : `every shown field reproduces its commitment; ${withheld.length} withheld by a redaction`;
  return { result: { step: "content", status: "ok", code: "content-ok", detail, fields: [], withheld }, rebuiltLeaf };
}

function readNoticeLeaf(entryLeaf: string): NoticeLeaf | string {
  try {
    const record = decodeLeaf(fromBase64(entryLeaf));
    if (record.kind === "redact") return "the log entry is a redaction, not a notice version";
    return record;
  } catch (e) {
    return `the log entry's leaf is not a valid notice record: ${(e as Error).message}`;
  }
}

/** The members a page shows as plain text next to the content: they are part of the claim. */
function metadataMismatches(shown: ShownVersion, leaf: NoticeLeaf): string[] {
  const out: string[] = [];
  if (shown.notice !== leaf.notice) out.push("notice");
  if (shown.agency !== leaf.agency) out.push("agency");
  if (shown.version !== leaf.version) out.push("version");
  if (shown.kind !== leaf.kind) out.push("kind");
  if (shown.loggedAt !== undefined && shown.loggedAt !== leaf.loggedAt) out.push("loggedAt");
  return out;
}

/** File hashes and sizes are committed in the clear; the count matters too (a dropped file). */
function attachmentMismatches(shown: ShownVersion, leaf: NoticeLeaf): string[] {
  const out: string[] = [];
  const count = Math.max(shown.attachments.length, leaf.attachments.length);
  for (let i = 0; i < count; i++) {
    const a = shown.attachments[i];
    const l = leaf.attachments[i];
    if (!a || !l) out.push(`attachments/${i}`);
    else {
      if (a.sha256 !== l.sha256) out.push(`attachments/${i}/sha256`);
      if (a.size !== l.size) out.push(`attachments/${i}/size`);
    }
  }
  return out;
}

function rebuildLeaf(shown: ShownVersion, leaf: NoticeLeaf, withheld: ReadonlySet<string>, salts: Record<string, Uint8Array>): Uint8Array {
  const commit = (path: string, value: string, stored: string) => (withheld.has(path) ? stored : toBase64(commitValue(salts[path]!, value)));
  const fields: Record<string, string> = {};
  // Stryker disable next-line StringLiteral: a field with no shown value reaches here only when withheld, and then its stored commitment is used, not the value
  for (const [name, stored] of Object.entries(leaf.fields)) fields[name] = commit(name, shown.fields[name] ?? "", stored);
  return encodeLeaf({
    schema: NOTICE_SCHEMA,
    kind: leaf.kind,
    agency: shown.agency,
    notice: shown.notice,
    version: shown.version,
    loggedAt: leaf.loggedAt,
    supersedes: leaf.supersedes,
    fields,
    attachments: shown.attachments.map((a, i) => ({
      name: commit(attachmentNamePath(i), a.name, leaf.attachments[i]!.name),
      sha256: a.sha256,
      size: a.size,
    })),
  });
}

/** A salt that is not canonical base64 of 32 bytes is left out, so its field is reported as not matching. */
function addSalt(salts: Record<string, Uint8Array>, path: string, base64: string): void {
  try {
    const salt = fromBase64(base64);
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: verifyFieldCommitments refuses a salt that is not 32 bytes itself, and `salts` is only read by own-property lookups and redefined by defineProperty, so neither the length check's `true` nor the attributes can be observed
    if (salt.length === 32) Object.defineProperty(salts, path, { value: salt, enumerable: true, writable: true, configurable: true });
  } catch {
    // reported as a mismatch of `path`
  }
}

function failed(code: string, detail: string): StepResult {
  return { step: "content", status: "failed", code, detail };
}
