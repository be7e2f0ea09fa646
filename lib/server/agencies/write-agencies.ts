import "server-only";
/**
 * Agencies written by the system itself rather than by an administrator: the demo seed, and a
 * mirror copying its origin's list. Each new or changed agency gets its audit event in the same
 * statement; the database refuses an agency row changed without one
 * (prisma/migrations/20261206000000_database_roles, docs/database-roles.md).
 */
import type { SqlRunner } from "@/lib/server/log-service/tile-store";

export interface AgencyRow {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
}

/**
 * Inserts the agencies that are missing and, with `overwrite`, changes those whose names or
 * descriptions differ; unchanged ones are left alone (and get no event). Returns how many were
 * written. `source` says in the audit trail where the names came from.
 */
export async function writeAgencies(sql: SqlRunner, agencies: readonly AgencyRow[], options: { source: string; overwrite: boolean }): Promise<number> {
  if (agencies.length === 0) return 0;
  return sql.$executeRawUnsafe(
    `WITH written AS (
       INSERT INTO agency (id, name_zh, name_en, description_zh, description_en)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
         description_zh = EXCLUDED.description_zh, description_en = EXCLUDED.description_en
       WHERE $6::boolean AND (agency.name_zh, agency.name_en, agency.description_zh, agency.description_en)
         IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.description_zh, EXCLUDED.description_en)
       RETURNING id, xmax = 0 AS created, name_zh, name_en, description_zh, description_en
     )
     INSERT INTO audit_event (action, subject, detail)
     SELECT CASE WHEN created THEN 'agency.create' ELSE 'agency.update' END, id,
       CASE WHEN created
         THEN jsonb_build_object('source', $7::text, 'id', id, 'nameZh', name_zh, 'nameEn', name_en, 'descriptionZh', description_zh, 'descriptionEn', description_en)
         -- An update in the shape lib/server/admin/update-agency.ts records (the old values are not at hand here).
         ELSE jsonb_build_object('source', $7::text, 'nameZh', jsonb_build_object('to', name_zh), 'nameEn', jsonb_build_object('to', name_en),
           'descriptionZh', jsonb_build_object('to', description_zh), 'descriptionEn', jsonb_build_object('to', description_en))
       END
     FROM written`,
    agencies.map((a) => a.id),
    agencies.map((a) => a.nameZh),
    agencies.map((a) => a.nameEn),
    agencies.map((a) => a.descriptionZh ?? ""),
    agencies.map((a) => a.descriptionEn ?? ""),
    options.overwrite,
    options.source,
  );
}
