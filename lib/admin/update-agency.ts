import "server-only";
/**
 * An administrator edits an agency's names and descriptions, and whether its drafts need a
 * reviewer's approval and its public pages name who signed off (docs/review.md). The id never changes, and agencies
 * are never deleted (database triggers forbid it): published notices and the log refer to them.
 * The audit event keeps each changed field's old and new value.
 */
import { requireRole, type Actor } from "@/lib/auth/authorize";
import type { RequestOrigin } from "@/lib/auth/request-origin";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/generated/client";
import { agencyUpdateInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";

const FIELDS = ["nameZh", "nameEn", "descriptionZh", "descriptionEn", "requiresReview", "showSignOff"] as const;

export async function updateAgency(prisma: PrismaClient, actor: Actor | null, input: unknown, origin: RequestOrigin = { ip: null, userAgent: null }): Promise<{ changed: string[] }> {
  const admin = requireRole(actor, "administrator");
  const { id, ...fields } = parseInput(agencyUpdateInput, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.agency.findUnique({ where: { id } });
    if (!before) throw new FieldError("not-found", "_form", "agencyUnknown");
    const changed = FIELDS.filter((field) => before[field] !== fields[field]);
    if (changed.length === 0) return { changed };
    await tx.agency.update({ where: { id }, data: fields });
    const detail = Object.fromEntries(changed.map((field) => [field, { from: before[field], to: fields[field] }]));
    await recordAuditEvent(tx, { actorUserId: admin.id, action: "agency.update", subject: id, detail, ...origin });
    return { changed };
  });
}
