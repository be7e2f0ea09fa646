import "server-only";
/** A clerk's unpublished drafts, across their agencies, most recently saved first. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";
import { storedDraftFields } from "../../shared/drafts/draft-fields";
import type { DraftKind } from "./draft-dto";

export interface DraftSummary {
  id: string;
  agencyId: string;
  kind: DraftKind;
  noticeId: string | null;
  title: string;
  updatedAt: string;
}

export async function listDrafts(prisma: PrismaClient, actor: Actor | null, limit = 20): Promise<DraftSummary[]> {
  const clerk = requireRole(actor, "clerk");
  if (clerk.agencyIds.length === 0) return [];
  const rows = await prisma.noticeDraft.findMany({
    where: { agencyId: { in: clerk.agencyIds }, publishedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: { id: true, agencyId: true, kind: true, noticeId: true, fields: true, updatedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    kind: r.kind as DraftKind,
    noticeId: r.noticeId,
    title: storedDraftFields(r.fields).title?.trim() ?? "",
    updatedAt: r.updatedAt.toISOString(),
  }));
}
