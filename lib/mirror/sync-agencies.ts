import "server-only";
/**
 * Agencies as the origin lists them. Their names and descriptions are not in the log (only their
 * ids are), so the mirror shows them as the origin's word, updated each sync; an agency is never
 * deleted (database trigger), and an id is permanent.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import type { OriginClient } from "./origin-client";

export async function syncAgencies(prisma: PrismaClient, client: OriginClient): Promise<void> {
  const agencies = await client.agencies();
  if (agencies.length === 0) return;
  await prisma.$executeRawUnsafe(
    `INSERT INTO agency (id, name_zh, name_en, description_zh, description_en)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
       description_zh = EXCLUDED.description_zh, description_en = EXCLUDED.description_en
     WHERE (agency.name_zh, agency.name_en, agency.description_zh, agency.description_en)
       IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.description_zh, EXCLUDED.description_en)`,
    agencies.map((a) => a.id),
    agencies.map((a) => a.nameZh),
    agencies.map((a) => a.nameEn),
    agencies.map((a) => a.descriptionZh),
    agencies.map((a) => a.descriptionEn),
  );
}
