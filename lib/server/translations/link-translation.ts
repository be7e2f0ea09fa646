import "server-only";
/**
 * A clerk records that a notice they published is a translation of another notice, so both
 * public pages link each other. The clerk must publish for both notices' agencies: a link puts a
 * notice's page in front of another's readers. Checks and audit: record-translation.ts.
 */
import { ApiError } from "@/lib/server/api/errors";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { asApiError } from "@/lib/server/publishing/publishing-checks";
import { recordTranslation } from "./record-translation";
import { NOTICE_ID } from "./translation-of";
import type { ActorContext } from "@/lib/server/service-context";

export async function linkTranslation({ db: prisma, actor, origin }: ActorContext, input: { translationId: string; originalId: string }): Promise<void> {
  const originalId = input.originalId.trim();
  if (!NOTICE_ID.test(originalId)) throw new ApiError("bad-request", "not a notice id");
  const notices = await prisma.notice.findMany({ where: { id: { in: [input.translationId, originalId] } }, select: { id: true, agencyId: true } });
  for (const id of [input.translationId, originalId]) {
    const notice = notices.find((n) => n.id === id);
    if (!notice) throw new ApiError("not-found", `notice ${id} does not exist`);
    requireAgencyClerk(actor, notice.agencyId);
  }
  try {
    await prisma.$transaction((tx) => recordTranslation(tx, { translationId: input.translationId, originalId, actorUserId: actor!.id, origin }), { timeout: 30_000 });
  } catch (error) {
    throw asApiError(error);
  }
}
