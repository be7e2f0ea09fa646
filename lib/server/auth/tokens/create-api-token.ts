import "server-only";
/**
 * Creates an agency API token. Administrators only: a token publishes for its agency with no
 * one signed in. The secret is returned once, to be shown once; the database keeps only its
 * SHA-256 and a short prefix, and the audit trail records the token's id, agency, label,
 * prefix and whether it may publish directly in an agency that requires review — never the secret.
 */
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireRole } from "@/lib/server/auth/authorize";
import { createTokenSchema } from "./token-inputs";
import { hashTokenSecret, newTokenSecret, shownPrefix } from "./token-secret";
import type { ActorContext } from "@/lib/server/service-context";

export interface CreatedApiToken {
  id: string;
  agencyId: string;
  label: string;
  prefix: string;
  publishDirectly: boolean;
  /** The whole token. Shown to the administrator once; it cannot be recovered afterwards. */
  secret: string;
  createdAt: string;
}

export async function createApiToken({ db: prisma, actor, origin }: ActorContext, input: unknown): Promise<CreatedApiToken> {
  const admin = requireRole(actor, "administrator");
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) throw new ApiError("bad-request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { agencyId, label, publishDirectly } = parsed.data;
  const secret = newTokenSecret();
  // Not the secret: the id appears in URLs, logs and audit subjects.
  const id = `tok_${randomBytes(12).toString("base64url")}`;
  const prefix = shownPrefix(secret);
  const created = await prisma.$transaction(async (tx) => {
    if (!(await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } }))) throw new ApiError("bad-request", `agencyId: no agency ${agencyId}`);
    const row = await tx.apiToken.create({ data: { id, agencyId, label, tokenHash: hashTokenSecret(secret), prefix, publishDirectly, createdBy: admin.id } });
    await recordAuditEvent(tx, {
      actorUserId: admin.id,
      action: "token.create",
      subject: id,
      detail: { agencyId, label, prefix, publishDirectly },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
    return row;
  });
  return { id, agencyId, label, prefix, publishDirectly, secret, createdAt: created.createdAt.toISOString() };
}
