import "server-only";
/** An administrator adds an agency. Its id is fixed for ever: it is in notice URLs and in log leaves. */
import { requireRole } from "@/lib/server/auth/authorize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { agencyCreateInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";
import type { ActorContext } from "@/lib/server/service-context";

export async function createAgency({ db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext, input: unknown): Promise<{ id: string }> {
  const admin = requireRole(actor, "administrator");
  const agency = parseInput(agencyCreateInput, input);
  return prisma.$transaction(async (tx) => {
    if (await tx.agency.findUnique({ where: { id: agency.id }, select: { id: true } })) throw new FieldError("conflict", "id", "agencyIdTaken");
    await tx.agency.create({ data: agency });
    await recordAuditEvent(tx, { actorUserId: admin.id, action: "agency.create", subject: agency.id, detail: { ...agency }, ...origin });
    return { id: agency.id };
  });
}
