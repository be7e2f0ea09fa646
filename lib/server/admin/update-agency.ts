import "server-only";
/**
 * An administrator edits an agency's names and descriptions, and whether its drafts need a
 * reviewer's approval and its public pages name who signed off (docs/review.md). The id never changes, and agencies
 * are never deleted (database triggers forbid it): published notices and the log refer to them.
 * The audit event keeps each changed field's old and new value.
 */
import { requireRole } from "@/lib/server/auth/authorize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { agencyUpdateInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";
import type { ActorContext } from "@/lib/server/service-context";

const FIELDS = ["nameZh", "nameEn", "descriptionZh", "descriptionEn", "requiresReview", "showSignOff"] as const;

export async function updateAgency({ db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext, input: unknown): Promise<{ changed: string[] }> {
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
