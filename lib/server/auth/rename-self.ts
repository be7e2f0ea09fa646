import "server-only";
/**
 * A signed-in user changes the name shown for them (the account page). The change and its
 * audit event (old and new name) commit together; a disabled user changes nothing.
 */
import { ApiError } from "@/lib/server/api/errors";
import { ownNameInput } from "@/lib/server/admin/admin-inputs";
import { parseInput } from "@/lib/server/admin/field-error";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEnabled, requireEnabledSession } from "./account-enabled";
import type { ActorContext } from "@/lib/server/service-context";

export async function renameSelf({ db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext, input: unknown): Promise<{ changed: boolean }> {
  const user = requireEnabledSession(actor);
  const { name } = parseInput(ownNameInput, input);
  return prisma.$transaction(async (tx) => {
    if (!(await accountEnabled(tx, user.id))) throw new ApiError("forbidden", "this account is disabled");
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
    if (before.name === name) return { changed: false };
    await tx.user.update({ where: { id: user.id }, data: { name, updatedAt: new Date() } });
    await recordAuditEvent(tx, { actorUserId: user.id, action: "user.rename", subject: user.id, detail: { from: before.name, to: name }, ...origin });
    return { changed: true };
  });
}
