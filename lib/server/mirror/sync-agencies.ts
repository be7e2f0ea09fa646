import "server-only";
/**
 * Agencies as the origin lists them. Their names and descriptions are not in the log (only their
 * ids are), so the mirror shows them as the origin's word, updated each sync; an agency is never
 * deleted (database trigger), and an id is permanent. Each change is in the mirror's audit trail.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { writeAgencies } from "@/lib/server/agencies/write-agencies";
import type { OriginClient } from "./origin-client";

export async function syncAgencies(prisma: PrismaClient, client: OriginClient): Promise<void> {
  const agencies = await client.agencies();
  if (agencies.length === 0) return;
  await writeAgencies(prisma, agencies, { source: `mirror of ${client.url}`, overwrite: true });
}
