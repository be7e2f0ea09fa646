import "server-only";
/** Agencies with how many notices each has published, for the agency index. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { notFound } from "@/lib/server/api/errors";
import type { AgencySummary } from "@/lib/server/api/contract";

export async function listAgencies(prisma: PrismaClient): Promise<AgencySummary[]> {
  const rows = await prisma.agency.findMany({ orderBy: { id: "asc" }, include: { _count: { select: { notices: true } } } });
  return rows.map(({ _count, createdAt: _createdAt, ...agency }) => ({ ...agency, notices: _count.notices }));
}

export async function getAgency(prisma: PrismaClient, id: string): Promise<AgencySummary> {
  const agency = (await listAgencies(prisma)).find((a) => a.id === id);
  if (!agency) throw notFound(`no agency ${id.slice(0, 80)}`);
  return agency;
}
