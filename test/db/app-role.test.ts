/**
 * What the application's database credentials (gongshi_app, the role DATABASE_URL names) can
 * and cannot do, tried with a real connection as that role against a database holding a real
 * committed log, a user and an API token. Everything here is something a thief of the app's
 * credentials, or a bug, might try in order to rewrite history or to grant itself power.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/server/auth/create-user";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import type { TestDatabase } from "./harness";

let database: TestDatabase;
let app: pg.Client;
let tearDown: () => Promise<void>;
let clerkId: string;
const su = (sql: string, params: unknown[] = []) => database.client.query(sql, params);
const count = async (table: string) => Number((await su(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

const HISTORY = ["notice", "notice_version", "attachment", "log_entry", "tree_tile", "checkpoint", "cosignature", "redaction", "audit_event", "agency", "api_token"];

beforeAll(async () => {
  const ctx = await setUp();
  database = ctx.database;
  tearDown = ctx.tearDown;
  for (const id of ["R-1", "R-2", "R-3"]) await publishSample(ctx.prisma, id);
  await commitPending(ctx.prisma, testLogConfig());
  clerkId = (await createUser(ctx.prisma, { email: "clerk@example.org", name: "Clerk", password: "correct horse battery staple", role: "clerk", agencyIds: ["hp-planning"] })).id;
  await su(`WITH e AS (INSERT INTO audit_event (action, subject) VALUES ('token.create', 't1'))
            INSERT INTO api_token (id, agency_id, label, token_hash, prefix, created_by) VALUES ('t1', 'hp-planning', 'feed', repeat('a', 64), 'gs_abcd', 'test')`);
  await su(`INSERT INTO cosignature (checkpoint_size, witness, signature) SELECT size, 'w', 'c2ln' FROM checkpoint LIMIT 1`);
  await su(`INSERT INTO redaction (notice_version_id, withhold, basis) SELECT id, ARRAY['body'], 'test' FROM notice_version LIMIT 1`);
  app = new pg.Client({ connectionString: database.url });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await tearDown?.();
});

describe("the application role", () => {
  it("is not a superuser, owns nothing and cannot create objects", async () => {
    const { rows } = await app.query(`SELECT current_user AS me, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ me: "gongshi_app", rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await su(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'gongshi_app'`);
    expect(owned.rows[0].n).toBe(0);
    const notOwner = await su(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'gongshi_owner'`);
    expect(notOwner.rows).toEqual([]);
    await expect(app.query(`CREATE TABLE evil (x int)`)).rejects.toThrow(/permission denied/);
  });

  it.each(HISTORY)("cannot UPDATE, DELETE or TRUNCATE %s", async (table) => {
    const before = await count(table);
    expect(before).toBeGreaterThan(0);
    const column = table === "tree_tile" || table === "checkpoint" || table === "log_entry" || table === "cosignature" ? "size" : "created_at";
    const assignment =
      {
        tree_tile: "data = data",
        checkpoint: "note = note",
        log_entry: "leaf = leaf",
        cosignature: "signature = signature",
        audit_event: "action = action",
        redaction: "basis = basis",
        attachment: "position = position",
      }[table] ?? `${column} = ${column}`;
    await expect(app.query(`UPDATE ${table} SET ${assignment}`)).rejects.toThrow(/permission denied|append-only|cannot/);
    await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied|not superseded|cannot/);
    await expect(app.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/permission denied/);
    expect(await count(table)).toBe(before);
  });

  it("cannot switch triggers off, in any way", async () => {
    await expect(app.query(`ALTER TABLE notice_version DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE log_entry DISABLE TRIGGER log_entry_append_only`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DROP TRIGGER log_entry_append_only ON log_entry`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`SET ROLE gongshi_owner`)).rejects.toThrow(/permission denied/);
  });

  it("cannot reach the database server's shell or files", async () => {
    await expect(app.query(`COPY audit_event (action) FROM PROGRAM 'id'`)).rejects.toThrow(/permission denied|must be superuser|pg_execute_server_program/);
    await expect(app.query(`SELECT pg_read_file('/etc/passwd')`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`COPY audit_event TO '/tmp/gongshi-audit-copy'`)).rejects.toThrow(/permission denied|must be superuser|pg_write_server_files/);
  });

  it("cannot make a clerk an administrator, or give them an agency, without an audit event", async () => {
    await expect(app.query(`UPDATE user_role SET role = 'administrator' WHERE user_id = $1`, [clerkId])).rejects.toThrow(/needs an audit event/);
    await su(`WITH e AS (INSERT INTO audit_event (action, subject) VALUES ('agency.create', 'other')) INSERT INTO agency (id, name_zh, name_en) VALUES ('other', '他', 'Other')`);
    await expect(app.query(`INSERT INTO clerk_agency (user_id, agency_id) VALUES ($1, 'other')`, [clerkId])).rejects.toThrow(/needs an audit event/);
    expect((await su(`SELECT role FROM user_role WHERE user_id = $1`, [clerkId])).rows).toEqual([{ role: "clerk" }]);
    // An event about someone else does not count.
    await app.query("BEGIN");
    await app.query(`INSERT INTO audit_event (action, subject) VALUES ('user.role-change', 'somebody-else')`);
    await app.query(`UPDATE user_role SET role = 'administrator' WHERE user_id = $1`, [clerkId]);
    await expect(app.query("COMMIT")).rejects.toThrow(/needs an audit event/);
    // With its event in the same transaction, the change is allowed — and on the record.
    await app.query("BEGIN");
    await app.query(`UPDATE user_role SET role = 'auditor' WHERE user_id = $1`, [clerkId]);
    await app.query(`INSERT INTO audit_event (action, subject, detail) VALUES ('user.role-change', $1, '{"to":"auditor"}')`, [clerkId]);
    await app.query("COMMIT");
    expect((await su(`SELECT role FROM user_role WHERE user_id = $1`, [clerkId])).rows).toEqual([{ role: "auditor" }]);
  });

  it("cannot plant a working API token, re-point or un-revoke one, without an audit event", async () => {
    await expect(
      app.query(`INSERT INTO api_token (id, agency_id, label, token_hash, prefix, created_by) VALUES ('t2', 'hp-planning', 'mine', repeat('b', 64), 'gs_bbbb', 'x')`),
    ).rejects.toThrow(/needs an audit event/);
    await expect(app.query(`UPDATE api_token SET token_hash = repeat('c', 64)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE api_token SET agency_id = 'other'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE api_token SET revoked_at = now(), revoked_by = 'x'`)).rejects.toThrow(/needs an audit event/);
    // Bookkeeping needs no event.
    await app.query(`UPDATE api_token SET last_used_at = now() WHERE id = 't1'`);
    expect(await count("api_token")).toBe(1);
  });

  it("cannot rename an agency without an audit event", async () => {
    await expect(app.query(`UPDATE agency SET name_en = 'Fake Bureau' WHERE id = 'hp-planning'`)).rejects.toThrow(/needs an audit event/);
    await expect(app.query(`UPDATE agency SET id = 'x' WHERE id = 'hp-planning'`)).rejects.toThrow(/permission denied/);
    expect((await su(`SELECT name_en FROM agency WHERE id = 'hp-planning'`)).rows).toEqual([{ name_en: "Haiping Planning Bureau" }]);
  });

  it("can read every table the portal serves from, and not the migrations' bookkeeping", async () => {
    const tables = (await su(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'gongshi_migrations'`)).rows.map((r) => r.tablename as string);
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) await app.query(`SELECT 1 FROM ${table} LIMIT 1`);
    await expect(app.query(`SELECT 1 FROM gongshi_migrations`)).rejects.toThrow(/permission denied/);
  });
});
