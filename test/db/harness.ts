/**
 * Throwaway PostgreSQL databases for tests: each suite creates its own database on the
 * server at TEST_DATABASE_ADMIN_URL (default: the machine's postgres on 127.0.0.1:5432),
 * migrates it with the project's migrate script, and drops it afterwards.
 */
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { APP_ROLE, migrate, readMigrations } from "@/lib/server/db/migrate";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  /** The application role's URL (gongshi_app): what the server and scripts connect with. */
  url: string;
  /** The superuser's URL: for set-up and for tests that tamper as an attacker with more rights would. */
  superuserUrl: string;
  name: string;
  /** A connected client on the test database, as the superuser. */
  client: pg.Client;
  drop(): Promise<void>;
}

export function urlFor(name: string, user?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (user) {
    url.username = user;
    url.password = "";
  }
  return url.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `gongshi_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const superuserUrl = urlFor(name);
  const url = urlFor(name, APP_ROLE);
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  if (options.migrate !== false) await migrate(client, await readMigrations(path.resolve("prisma/migrations")));
  return {
    url,
    superuserUrl,
    name,
    client,
    async drop() {
      await client.end();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
