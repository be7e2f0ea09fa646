import "server-only";
/** The log leaf of a stored notice version: its stored plaintext and salts, recommitted. */
import { buildNoticeLeaf, encodeLeaf, fromBase64, type NoticeKind } from "@/lib/log";

export interface StoredVersion {
  id: bigint;
  noticeId: string;
  agencyId: string;
  version: number;
  kind: string;
  fields: unknown;
  salts: unknown;
  attachments: { fileName: string; nameSalt: Uint8Array; sha256: string; size: number }[];
}

export function versionLeaf(v: StoredVersion, loggedAt: string, supersedes: number | null): Uint8Array {
  const salts = Object.fromEntries(
    Object.entries(v.salts as Record<string, string>).map(([name, b64]) => [name, fromBase64(b64)]),
  );
  return encodeLeaf(
    buildNoticeLeaf({
      kind: v.kind as NoticeKind,
      agency: v.agencyId,
      notice: v.noticeId,
      version: v.version,
      loggedAt,
      supersedes,
      fields: v.fields as Record<string, string>,
      salts,
      attachments: v.attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: a.fileName, nameSalt: a.nameSalt })),
    }),
  );
}
