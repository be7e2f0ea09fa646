import "server-only";
/**
 * Records that one notice is a translation of another, with its audit event, in the caller's
 * transaction; no authorization (link-translation.ts and the demo seed decide who may). What makes
 * a pair, checked here so every caller gets the same answer:
 * - two different notices, each in a language (its current content version's), the two differing;
 * - the translation translates nothing else yet, and is not itself translated;
 * - the original is not itself a translation (the translations of one notice hang off that one),
 *   and has no translation in the translation's language yet.
 * The table forbids changing or removing a link, and a link without its audit event
 * (migration 20261207300000_notice_translation).
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { RequestOrigin } from "@/lib/server/auth/request-origin";

export interface NewTranslation {
  translationId: string;
  originalId: string;
  /** The clerk recording it; null for the demo seed. */
  actorUserId: string | null;
  origin?: RequestOrigin;
  /** Extra audit detail ("demo seed"). */
  source?: string;
}

/** A notice's current language: that of its latest version with content (a retraction has none). */
export async function noticeLanguage(tx: Prisma.TransactionClient, noticeId: string): Promise<{ agencyId: string; language: string | null }> {
  const notice = await tx.notice.findUnique({
    where: { id: noticeId },
    select: { agencyId: true, versions: { where: { kind: { not: "retract" } }, orderBy: { version: "desc" }, take: 1, select: { fields: true } } },
  });
  if (!notice) throw new ApiError("not-found", `notice ${noticeId} does not exist`);
  const language = (notice.versions[0]?.fields as Record<string, unknown> | undefined)?.language;
  return { agencyId: notice.agencyId, language: typeof language === "string" ? language : null };
}

export async function recordTranslation(tx: Prisma.TransactionClient, input: NewTranslation): Promise<void> {
  const { translationId, originalId } = input;
  if (translationId === originalId) throw new ApiError("bad-request", "a notice cannot be a translation of itself");
  // Serialize links: two clerks linking into the same notice at once must not both pass the checks below.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('notice_translation'))`;
  // One after the other: a transaction is one connection, which runs one query at a time.
  const translation = await noticeLanguage(tx, translationId);
  const original = await noticeLanguage(tx, originalId);
  if (!translation.language || !original.language) throw new ApiError("bad-request", "both notices need a language");
  if (translation.language === original.language) throw new ApiError("bad-request", `both notices are in ${original.language}: a translation is in another language`);
  const links = await tx.noticeTranslation.findMany({
    where: { OR: [{ translationId: { in: [translationId, originalId] } }, { originalId: { in: [translationId, originalId] } }] },
  });
  const already = links.find((l) => l.translationId === translationId);
  if (already) throw new ApiError("conflict", `notice ${translationId} is already a translation of ${already.originalId}`);
  if (links.some((l) => l.originalId === translationId)) throw new ApiError("conflict", `notice ${translationId} has translations of its own: link those to it instead`);
  const parent = links.find((l) => l.translationId === originalId);
  if (parent) throw new ApiError("conflict", `notice ${originalId} is itself a translation of ${parent.originalId}: link to that one`);
  const siblings = links.filter((l) => l.originalId === originalId).map((l) => l.translationId);
  for (const sibling of siblings) {
    if ((await noticeLanguage(tx, sibling)).language === translation.language) {
      throw new ApiError("conflict", `notice ${originalId} already has a translation in ${translation.language}: ${sibling}`);
    }
  }
  await tx.noticeTranslation.create({ data: { translationId, originalId, createdBy: input.actorUserId } });
  await recordAuditEvent(tx, {
    actorUserId: input.actorUserId,
    action: "notice.translation",
    subject: translationId,
    detail: {
      originalId,
      agencyId: translation.agencyId,
      originalAgencyId: original.agencyId,
      language: translation.language,
      originalLanguage: original.language,
      ...(input.source ? { source: input.source } : {}),
    },
    ip: input.origin?.ip,
    userAgent: input.origin?.userAgent,
  });
}
