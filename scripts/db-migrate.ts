/** `npm run db:migrate`: applies prisma/migrations as the owner (DATABASE_OWNER_URL, docs/database-roles.md). */
import "./load-env";
import path from "node:path";
import pg from "pg";
import { migrate, readMigrations } from "@/lib/server/db/migrate";
import { databaseOwnerUrl } from "@/lib/server/env";

const client = new pg.Client({ connectionString: databaseOwnerUrl() });
await client.connect();
try {
  const applied = await migrate(client, await readMigrations(path.resolve("prisma/migrations")));
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} catch (e) {
  console.error(`db:migrate: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
