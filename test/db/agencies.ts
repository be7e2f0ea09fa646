/**
 * Agencies for test fixtures, written the way the system writes them outside the admin pages
 * (lib/server/agencies/write-agencies.ts): with their audit events, without which the database
 * refuses them.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { writeAgencies, type AgencyRow } from "@/lib/server/agencies/write-agencies";

export async function addAgencies(prisma: PrismaClient, agencies: AgencyRow[]): Promise<void> {
  await writeAgencies(prisma, agencies, { source: "test fixture", overwrite: false });
}
