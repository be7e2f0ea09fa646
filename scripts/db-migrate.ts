/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL. */
import "./load-env";
import path from "node:path";
import pg from "pg";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/env";

const client = new pg.Client({ connectionString: databaseUrl() });
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
