/**
 * An e2e database recreated empty and migrated: what scripts/e2e-prepare.ts does before it seeds
 * the main e2e origin, and all a mirror's database needs (e2e/support/mirror-prepare.ts; a
 * mirror starts empty and copies everything from its origin). Refuses any database whose name
 * does not say it is for e2e, so it can never drop real data. Runs under the server's
 * conditions (tsx --conditions=react-server): lib/server/db/migrate.ts is server-only.
 */
import path from "node:path";
import pg from "pg";
import { migrate, readMigrations } from "@/lib/server/db/migrate";

/** Drops and recreates the database of `databaseUrl`, then applies every migration. Returns its name. */
export async function recreateE2eDatabase(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^gongshi_e2e\w*$/.test(name)) throw new Error(`e2e: refusing to recreate database "${name}"`);

  const admin = new URL(url);
  admin.pathname = "/postgres";
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminClient.query(`CREATE DATABASE ${name}`);
  } finally {
    await adminClient.end();
  }

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await migrate(client, await readMigrations(path.resolve("prisma/migrations")));
  } finally {
    await client.end();
  }
  return name;
}
