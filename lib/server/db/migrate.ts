import "server-only";
/**
 * The project's own migration runner (the Prisma schema engine cannot be downloaded here).
 * Migrations are SQL files in Prisma's layout, prisma/migrations/<stamp>_<name>/migration.sql,
 * applied in name order. Each runs in its own transaction together with the row that records
 * it, so a failed migration leaves nothing behind. A session advisory lock makes concurrent
 * runs (two app instances starting at once) take turns; the second finds nothing to do.
 * A recorded checksum refuses to run against a database whose applied migration was edited.
 * Once the roles migration has made OWNER_ROLE, every migration runs as it (SET LOCAL ROLE), so
 * what it creates belongs to the owner whether a superuser or the owner itself connected
 * (docs/database-roles.md).
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";

const LOCK_KEY = 0x67_6f_6e_67; // "gong": any constant shared by every migrator
const TABLE = "gongshi_migrations";
export const OWNER_ROLE = "gongshi_owner";
export const APP_ROLE = "gongshi_app";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir: string): Promise<Migration[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(d.name))
    .map((d) => d.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function migrate(client: Client, migrations: readonly Migration[]): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map((await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${TABLE}`)).rows.map((r) => [r.name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    for (const name of applied.keys()) {
      if (!known.has(name)) throw new MigrationError(`database has migration ${name} that this code does not know; refusing to run older code against it`);
    }
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new MigrationError(`migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead`);
        continue;
      }
      await client.query("BEGIN");
      try {
        // The owner role is cluster-wide and may predate this database: act as it only once this
        // database's roles migration let it create objects here.
        const canOwn = await client.query(
          "SELECT 1 FROM pg_roles WHERE rolname = $1 AND pg_has_role(current_user, oid, 'MEMBER') AND has_schema_privilege(oid, 'public', 'CREATE')",
          [OWNER_ROLE],
        );
        if (canOwn.rowCount) await client.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
