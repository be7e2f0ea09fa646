import "server-only";
/**
 * `POST /api/v1/notices` for an agency system: publish once per Idempotency-Key, as the
 * token's agency. The token may name only its own agency (403 otherwise; publishNotice checks
 * again). Inside the publishing transaction the token row is re-read under a share lock, so a
 * revocation that commits first stops this publish, and one that comes later waits for it.
 * A request naming the notice it translates (`translationOf`) is linked to it in that same
 * transaction (record-translation.ts), the original being one of the token's agency's notices;
 * a link that cannot be made refuses the request and publishes nothing.
 * In an agency that requires review, a token without the right to publish directly publishes
 * nothing: its request becomes a draft submitted for review (submit-from-api.ts), answered 201
 * with the draft's state and address.
 */
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/server/api/errors";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { RequestOrigin } from "@/lib/server/auth/request-origin";
import type { TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { publishNotice } from "@/lib/server/publishing/publish-notice";
import { recordTranslation } from "@/lib/server/translations/record-translation";
import { checkTranslationOf } from "@/lib/server/translations/translation-of";
import { mustBeReviewed } from "@/lib/server/drafts/review-rule";
import { requestHash, withIdempotencyKey, type StoredAnswer } from "./idempotency";
import { submitFromApi } from "./submit-from-api";
import type { ApiPublishRequest } from "./publish-request";

export interface PublishAnswer extends StoredAnswer {
  replayed: boolean;
}

export async function publishFromApi(
  prisma: PrismaClient,
  principal: TokenPrincipal,
  input: { idempotencyKey: string; request: ApiPublishRequest },
  origin?: RequestOrigin,
): Promise<PublishAnswer> {
  const agencyId = input.request.agencyId ?? principal.agencyId;
  if (agencyId !== principal.agencyId) throw new ApiError("forbidden", `this token publishes for agency ${principal.agencyId} only`);
  const { fields, attachments, translationOf } = input.request;
  const hash = requestHash({
    agencyId,
    // Only when sent, so requests without it hash as they always did.
    ...(translationOf !== undefined ? { translationOf } : {}),
    fields,
    attachments: attachments.map((a) => ({ fileName: a.fileName, declaredType: a.declaredType ?? null, sha256: createHash("sha256").update(a.content).digest("hex") })),
  });
  return withIdempotencyKey(prisma, { tokenId: principal.tokenId, key: input.idempotencyKey, requestHash: hash }, async (tx) => {
    const live = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM api_token WHERE id = ${principal.tokenId} AND revoked_at IS NULL FOR SHARE`;
    if (live.length === 0) throw new ApiError("unauthorized", "the API token is not valid (unknown or revoked)");
    const originalId = translationOf === undefined ? null : await checkTranslationOf(tx, translationOf);
    if (originalId) requireAgencyClerk(principal.actor, (await tx.notice.findUniqueOrThrow({ where: { id: originalId }, select: { agencyId: true } })).agencyId);
    if (await mustBeReviewed(tx, principal.actor, agencyId)) {
      requireAgencyClerk(principal.actor, agencyId);
      const { draftId, submittedAt } = await submitFromApi(tx, principal, { agencyId, fields, attachments, originalId }, origin);
      const api = `/api/v1/drafts/${draftId}`;
      return { status: 201, body: { draft: draftId, state: "submitted", submittedAt: submittedAt.toISOString(), links: { api } } };
    }
    const { noticeId, version } = await publishNotice({ db: prisma, actor: principal.actor, origin, tx }, { agencyId, fields, attachments });
    if (originalId) await recordTranslation(tx, { translationId: noticeId, originalId, actorUserId: principal.actor.id, origin });
    const api = `/api/v1/notices/${noticeId}`;
    return {
      status: 201,
      body: { id: noticeId, version, state: "published", status: "pending", links: { notice: `/n/${noticeId}`, api, bundle: `${api}/versions/${version}/bundle` } },
    };
  });
}
