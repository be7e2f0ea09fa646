import "server-only";
/**
 * A notice with every version: what a verifier needs to recompute each leaf (field values,
 * salts, attachment digests and name salts) and where each version stands in the log.
 * Only versions a published checkpoint covers carry a log index; the rest are "pending".
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { attachmentNamePath, formatHash, toBase64, type Hash } from "@/lib/log";
import { notFound } from "@/lib/api/errors";
import { latestCheckpoint } from "@/lib/log-service/latest-checkpoint";
import { NOTICE_ID_PATTERN } from "@/lib/log/notice-leaf-schema";

export interface NoticeVersionDto {
  version: number;
  kind: string;
  createdAt: string;
  fields: Record<string, string>;
  salts: Record<string, string>;
  attachments: { position: number; fileName: string; nameSalt: string; mediaType: string; sha256: string; size: number; url: string }[];
  status: "committed" | "pending";
  /**
   * checkpointSize: the first signed checkpoint that covered the entry. A citation names it rather
   * than the latest checkpoint, so the citation (and the page) stays the same as the log grows;
   * any later checkpoint is proven consistent with it.
   */
  log: { index: number; leafHash: string; loggedAt: string; checkpointSize: number } | null;
  /**
   * Commitment paths of this version withheld by a `redact` log entry (docs/log-format.md):
   * their values and salts are no longer served; the basis is shown in their place.
   */
  withheld: { path: string; basis: string; at: string; logIndex: number | null }[];
}

export interface NoticeDto {
  id: string;
  agency: { id: string; nameZh: string; nameEn: string };
  versions: NoticeVersionDto[];
  /** The latest signed checkpoint when this was read (the log's head; a citation names `log.checkpointSize` instead). */
  checkpoint: { size: number; createdAt: string } | null;
}

export async function getNotice(prisma: PrismaClient, id: string): Promise<NoticeDto> {
  if (!NOTICE_ID_PATTERN.test(id)) throw notFound(`no notice ${id.slice(0, 80)}`);
  const [notice, cp, covering] = await Promise.all([
    prisma.notice.findUnique({
      where: { id },
      include: {
        agency: true,
        versions: {
          orderBy: { version: "asc" },
          include: {
            logEntry: { select: { index: true, leafHash: true, loggedAt: true } },
            attachments: { orderBy: { position: "asc" }, omit: { content: true } },
            redactions: { orderBy: { id: "asc" }, include: { logEntry: { select: { index: true } } } },
          },
        },
      },
    }),
    latestCheckpoint(prisma),
    firstCoveringCheckpoints(prisma, id),
  ]);
  if (!notice) throw notFound(`no notice ${id}`);
  const published = cp?.size ?? 0;
  return {
    id: notice.id,
    agency: { id: notice.agency.id, nameZh: notice.agency.nameZh, nameEn: notice.agency.nameEn },
    versions: notice.versions.map((v) => {
      const entry = v.logEntry && Number(v.logEntry.index) < published ? v.logEntry : null;
      // Withheld at once, even before the redact entry is logged: the law asks for removal now.
      const withheld = v.redactions.flatMap((r) => {
        const logIndex = r.logEntry && Number(r.logEntry.index) < published ? Number(r.logEntry.index) : null;
        return r.withhold.map((path) => ({ path, basis: r.basis, at: r.createdAt.toISOString(), logIndex }));
      });
      const hidden = new Set(withheld.map((w) => w.path));
      const shown = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([name]) => !hidden.has(name)));
      return {
        version: v.version,
        kind: v.kind,
        createdAt: v.createdAt.toISOString(),
        fields: shown(v.fields as Record<string, string>),
        salts: shown(v.salts as Record<string, string>),
        attachments: v.attachments.map((a) => ({
          position: a.position,
          // A withheld name is served as "" (value and salt both gone), like a withheld field.
          fileName: hidden.has(attachmentNamePath(a.position)) ? "" : a.fileName,
          nameSalt: hidden.has(attachmentNamePath(a.position)) ? "" : toBase64(a.nameSalt),
          mediaType: a.mediaType,
          sha256: a.sha256,
          size: a.size,
          url: `/api/v1/notices/${notice.id}/versions/${v.version}/attachments/${a.position}`,
        })),
        status: entry ? "committed" : "pending",
        log: entry && {
          index: Number(entry.index),
          leafHash: formatHash(entry.leafHash as Hash),
          loggedAt: entry.loggedAt.toISOString(),
          checkpointSize: covering.get(entry.index) ?? published,
        },
        withheld,
      };
    }),
    checkpoint: cp && { size: cp.size, createdAt: cp.createdAt.toISOString() },
  };
}

/**
 * For each logged version of the notice, by log index: the size of the first checkpoint that
 * covers it. One query (an index step per version), run alongside the others.
 */
async function firstCoveringCheckpoints(prisma: PrismaClient, noticeId: string): Promise<Map<bigint, number>> {
  const rows = await prisma.$queryRawUnsafe<{ index: bigint; size: bigint | null }[]>(
    `SELECT e.index, (SELECT min(c.size) FROM checkpoint c WHERE c.size > e.index) AS size
       FROM notice_version v JOIN log_entry e ON e.notice_version_id = v.id WHERE v.notice_id = $1`,
    noticeId,
  );
  return new Map(rows.flatMap((r) => (r.size === null ? [] : [[BigInt(r.index), Number(r.size)] as const])));
}
