import "server-only";
/** An administrator adds an agency. Its id is fixed for ever: it is in notice URLs and in log leaves. */
import { requireRole, type Actor } from "@/lib/auth/authorize";
import type { RequestOrigin } from "@/lib/auth/request-origin";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/generated/client";
import { agencyCreateInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";

export async function createAgency(prisma: PrismaClient, actor: Actor | null, input: unknown, origin: RequestOrigin = { ip: null, userAgent: null }): Promise<{ id: string }> {
  const admin = requireRole(actor, "administrator");
  const agency = parseInput(agencyCreateInput, input);
  return prisma.$transaction(async (tx) => {
    if (await tx.agency.findUnique({ where: { id: agency.id }, select: { id: true } })) throw new FieldError("conflict", "id", "agencyIdTaken");
    await tx.agency.create({ data: agency });
    await recordAuditEvent(tx, { actorUserId: admin.id, action: "agency.create", subject: agency.id, detail: { ...agency }, ...origin });
    return { id: agency.id };
  });
}
