import "server-only";
/**
 * An administrator withholds named fields of a logged version, citing the legal basis. The
 * values stop being served at once; the committer appends a `redact` entry, so the withholding
 * is itself public and permanent and every proof still verifies (docs/log-format.md).
 */
import { z } from "zod";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireRole } from "@/lib/server/auth/authorize";
import { writeRedaction } from "@/lib/server/notices/record-redaction";
import { FIELD_LIMITS, line } from "../../shared/publishing/notice-fields";
import { inTransaction, parseOrReject } from "./publishing-checks";
import type { ActorContext } from "@/lib/server/service-context";

export const redactionSchema = z
  .object({
    noticeId: z.string().min(1).max(64),
    version: z.number().int().min(1),
    withhold: z.array(z.string().min(1).max(64)).min(1, "name at least one field").max(64),
    /** Permanent plaintext in the log, so a statute citation, never personal data. */
    basis: line(FIELD_LIMITS.basis),
  })
  .strict();

export async function redactNoticeVersion({ db: prisma, actor, origin }: ActorContext, input: unknown): Promise<{ redactionId: string }> {
  const admin = requireRole(actor, "administrator");
  const redaction = parseOrReject(redactionSchema, input);
  return inTransaction(prisma, undefined, async (tx) => {
    const id = await writeRedaction(tx, redaction);
    await recordAuditEvent(tx, {
      actorUserId: admin.id,
      action: "notice.redact",
      subject: redaction.noticeId,
      detail: { version: redaction.version, withhold: redaction.withhold, basis: redaction.basis, redactionId: id.toString() },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
    return { redactionId: id.toString() };
  });
}
