import "server-only";
/**
 * Every agency's API tokens, for the administrators' tokens page: what identifies a token
 * (label, prefix), who created it, when it was last used, and whether and by whom it was revoked.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";

export interface ApiTokenDto {
  id: string;
  label: string;
  prefix: string;
  publishDirectly: boolean;
  createdAt: string;
  createdBy: { id: string; name: string | null };
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: { id: string; name: string | null } | null;
}

export interface AgencyTokensDto {
  agency: { id: string; nameZh: string; nameEn: string; requiresReview: boolean };
  tokens: ApiTokenDto[];
}

export async function listApiTokens(prisma: PrismaClient, actor: Actor | null): Promise<AgencyTokensDto[]> {
  requireRole(actor, "administrator");
  const agencies = await prisma.agency.findMany({
    orderBy: { id: "asc" },
    select: { id: true, nameZh: true, nameEn: true, requiresReview: true, apiTokens: { orderBy: [{ createdAt: "desc" }, { id: "asc" }] } },
  });
  const userIds = [...new Set(agencies.flatMap((a) => a.apiTokens.flatMap((t) => [t.createdBy, t.revokedBy ?? []]).flat()))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  // A creator whose account is gone still shows by id: the token's history does not depend on it.
  const person = (id: string) => ({ id, name: nameOf.get(id) ?? null });
  return agencies.map(({ apiTokens, ...agency }) => ({
    agency,
    tokens: apiTokens.map((t) => ({
      id: t.id,
      label: t.label,
      prefix: t.prefix,
      publishDirectly: t.publishDirectly,
      createdAt: t.createdAt.toISOString(),
      createdBy: person(t.createdBy),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
      revokedBy: t.revokedBy ? person(t.revokedBy) : null,
    })),
  }));
}
