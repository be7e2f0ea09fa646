/** The migration runner: idempotent, transactional, checksum-guarded, safe when run concurrently. */
import { afterEach, describe, expect, it } from "vitest";
import path from "node:path";
import pg from "pg";
import { MigrationError, migrate, readMigrations, type Migration } from "@/lib/server/db/migrate";
import { createTestDatabase, type TestDatabase } from "./harness";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const real = () => readMigrations(path.resolve("prisma/migrations"));

describe("db:migrate", () => {
  it("applies every migration once; a second run does nothing", async () => {
    database = await createTestDatabase({ migrate: false });
    const migrations = await real();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await migrate(database.client, migrations)).toEqual(migrations.map((m) => m.name));
    expect(await migrate(database.client, migrations)).toEqual([]);
    const tables = await database.client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'log_entry'");
    expect(tables.rows[0].n).toBe(1);
  });

  it("is safe from two processes at once: each migration is applied exactly once", async () => {
    database = await createTestDatabase({ migrate: false });
    const migrations = await real();
    const other = new pg.Client({ connectionString: database.superuserUrl });
    await other.connect();
    try {
      const [a, b] = await Promise.all([migrate(database.client, migrations), migrate(other, migrations)]);
      expect([...a, ...b].sort()).toEqual(migrations.map((m) => m.name).sort());
    } finally {
      await other.end();
    }
  });

  it("refuses to run when an applied migration was changed", async () => {
    database = await createTestDatabase({ migrate: false });
    const migrations = await real();
    await migrate(database.client, migrations);
    const edited: Migration[] = migrations.map((m, i) => (i === 0 ? { ...m, sql: m.sql + "\n-- edited", checksum: "0".repeat(64) } : m));
    await expect(migrate(database.client, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration completely", async () => {
    database = await createTestDatabase({ migrate: false });
    const bad: Migration = { name: "20990101000000_bad", sql: "CREATE TABLE half_done (id int); SELECT no_such_function();", checksum: "x" };
    await expect(migrate(database.client, [bad])).rejects.toBeInstanceOf(MigrationError);
    const tables = await database.client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables.rows[0].n).toBe(0);
    const recorded = await database.client.query("SELECT count(*)::int AS n FROM gongshi_migrations");
    expect(recorded.rows[0].n).toBe(0);
  });

  it("refuses to run older code against a database with an unknown migration", async () => {
    database = await createTestDatabase();
    await expect(migrate(database.client, [])).rejects.toThrow(/does not know/);
  });
});
