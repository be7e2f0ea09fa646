import "server-only";
/**
 * A newer version of the notice published after an amend/correct draft was started: the draft
 * is stale. Publishing it is refused with this error, which names the newer version, when it
 * was published and by whom (the audit event of its publication), so the clerk is told what
 * happened instead of a generic conflict, and can rebase (rebase-draft.ts).
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";

export interface NewerVersion {
  noticeId: string;
  /** The version the draft is based on. */
  baseVersion: number;
  /** The latest published version, newer than the base. */
  version: number;
  publishedAt: string;
  /** The clerk who published it, when the audit log names one (an API key publishes as its clerk). */
  publishedBy: string | null;
  /** The notice's agency, which published it. */
  agency: { nameZh: string; nameEn: string };
}

export class StaleDraftError extends ApiError {
  constructor(readonly newer: NewerVersion) {
    super("conflict", `version ${newer.version} of notice ${newer.noticeId} was published after this draft was started from version ${newer.baseVersion}`);
  }
}

/** The latest version of the notice when it is newer than `baseVersion`, else null. */
export async function newerVersion(tx: Prisma.TransactionClient, noticeId: string, baseVersion: number): Promise<NewerVersion | null> {
  const latest = await tx.noticeVersion.findFirst({ where: { noticeId }, orderBy: { version: "desc" }, select: { version: true, kind: true, createdAt: true } });
  // A retracted notice cannot be amended at all; publishing says so (record-notice-version.ts).
  if (!latest || latest.version <= baseVersion || latest.kind === "retract") return null;
  const event = await tx.auditEvent.findFirst({
    where: { subject: noticeId, action: { in: ["notice.amend", "notice.correct", "notice.retract", "notice.publish"] }, detail: { path: ["version"], equals: latest.version } },
    orderBy: { at: "desc" },
    select: { actorUserId: true },
  });
  const user = event?.actorUserId ? await tx.user.findUnique({ where: { id: event.actorUserId }, select: { name: true } }) : null;
  const { agency } = await tx.notice.findUniqueOrThrow({ where: { id: noticeId }, select: { agency: { select: { nameZh: true, nameEn: true } } } });
  return { noticeId, baseVersion, version: latest.version, publishedAt: latest.createdAt.toISOString(), publishedBy: user?.name ?? null, agency };
}
