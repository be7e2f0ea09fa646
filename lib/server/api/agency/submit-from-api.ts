import "server-only";
/**
 * `POST /api/v1/notices` in an agency that requires review, by a token without the right to
 * publish directly (lib/server/drafts/review-rule.ts): the notice is not published but becomes a draft
 * submitted for review, exactly as a clerk's submitted draft — fields and files checked as for
 * publishing (a request that could not be published is a 400 now, not a surprise to the
 * reviewer), stored, and waiting for a reviewer of the agency. Runs inside the request's
 * idempotency transaction (publish-from-api.ts), so a retried request finds this same draft.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/server/db/generated/client";
import type { RequestOrigin } from "@/lib/server/auth/request-origin";
import type { TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { attachmentMaxBytes } from "@/lib/server/publishing/attachment-limit";
import { noticeFieldsSchema, toLoggedFields } from "@/lib/shared/publishing/notice-fields";
import { acceptAttachments, parseOrReject } from "@/lib/server/publishing/publishing-checks";
import type { UploadedAttachment } from "@/lib/server/publishing/attachment-policy";

export interface SubmitFromApiInput {
  agencyId: string;
  fields: unknown;
  attachments: readonly UploadedAttachment[];
  /** A published notice this one translates, already checked (translation-of.ts). */
  originalId: string | null;
}

export async function submitFromApi(
  tx: Prisma.TransactionClient,
  principal: TokenPrincipal,
  input: SubmitFromApiInput,
  origin?: RequestOrigin,
): Promise<{ draftId: string; submittedAt: Date }> {
  const fields = toLoggedFields(parseOrReject(noticeFieldsSchema, input.fields));
  const attachments = acceptAttachments(input.attachments, attachmentMaxBytes());
  const actorId = principal.actor.id;
  const draftId = randomUUID();
  const submittedAt = new Date();
  await tx.noticeDraft.create({
    data: {
      id: draftId,
      agencyId: input.agencyId,
      kind: "publish",
      fields,
      translationOf: input.originalId,
      createdBy: actorId,
      updatedBy: actorId,
      state: "submitted",
      submittedAt,
      submittedBy: actorId,
    },
  });
  await tx.draftAttachment.createMany({
    data: attachments.map((a, position) => ({
      id: randomUUID(),
      draftId,
      position,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sha256: createHash("sha256").update(a.content).digest("hex"),
      size: a.content.length,
      content: new Uint8Array(a.content),
    })),
  });
  await tx.draftReview.create({ data: { draftId, action: "submit", actor: actorId, actorName: principal.actor.name, revision: 0 } });
  const common = { actorUserId: actorId, subject: draftId, ip: origin?.ip, userAgent: origin?.userAgent };
  await recordAuditEvent(tx, { ...common, action: "draft.create", detail: { agencyId: input.agencyId, kind: "publish", noticeId: null, baseVersion: null, via: "api" } });
  await recordAuditEvent(tx, { ...common, action: "draft.submit", detail: { agencyId: input.agencyId, revision: 0, title: fields.title ?? "", attachments: attachments.length } });
  return { draftId, submittedAt };
}
