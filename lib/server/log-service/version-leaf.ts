import "server-only";
/**
 * The log leaf of a stored notice version. Its field commitments were stored with it when it
 * was recorded (lib/server/notices/record-notice-version.ts; the database checks them against the
 * row's fields and salts), so the leaf is only assembled; versions recorded before the
 * commitments were stored are committed from their plaintext and salts, as before.
 */
import { commitAttachments, commitFields, encodeCommittedNoticeLeaf, fromBase64, type NoticeKind } from "@/lib/core/log";

export interface StoredVersion {
  id: bigint;
  noticeId: string;
  agencyId: string;
  version: number;
  kind: string;
  /** Field name → base64 commitment, or null: then fields and salts are read instead. */
  commitments: unknown;
  fields: unknown;
  salts: unknown;
  attachments: { fileName: string; nameSalt: Uint8Array; sha256: string; size: number }[];
}

export function versionLeaf(v: StoredVersion, loggedAt: string, supersedes: number | null): Uint8Array {
  return encodeCommittedNoticeLeaf({
    kind: v.kind as NoticeKind,
    agency: v.agencyId,
    notice: v.noticeId,
    version: v.version,
    loggedAt,
    supersedes,
    fields: (v.commitments as Record<string, string> | null) ?? commitFields(v.fields as Record<string, string>, decodeSalts(v.salts)),
    attachments: v.attachments.length === 0 ? [] : commitAttachments(v.attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: a.fileName, nameSalt: a.nameSalt }))),
  });
}

function decodeSalts(salts: unknown): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(salts as Record<string, string>).map(([name, b64]) => [name, fromBase64(b64)]));
}
