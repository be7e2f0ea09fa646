/** The audit trail is append-only in the database itself, and the role CHECK holds. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./harness";

let database: TestDatabase;
const q = (sql: string, params: unknown[] = []) => database.client.query(sql, params);

beforeAll(async () => {
  database = await createTestDatabase();
  await q(`INSERT INTO auth_user (id, name, email) VALUES ('u1', 'Clerk', 'clerk@example.org')`);
  await q(`INSERT INTO audit_event (actor_user_id, action, subject, detail, ip, user_agent)
           VALUES ('u1', 'sign-in', 'clerk@example.org', '{"via":"test"}', '127.0.0.1', 'vitest')`);
});
afterAll(() => database.drop());

describe("audit_event", () => {
  it("rejects UPDATE", async () => {
    await expect(q(`UPDATE audit_event SET action = 'sign-out'`)).rejects.toThrow(/append-only/);
  });
  it("rejects DELETE", async () => {
    await expect(q(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
  it("rejects TRUNCATE", async () => {
    await expect(q(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
  it("outlives the user it names", async () => {
    await q(`DELETE FROM auth_user WHERE id = 'u1'`);
    const { rows } = await q(`SELECT actor_user_id, action, detail FROM audit_event`);
    expect(rows).toEqual([{ actor_user_id: "u1", action: "sign-in", detail: { via: "test" } }]);
  });
  it("refuses a malformed action and an unknown role", async () => {
    await expect(q(`INSERT INTO audit_event (action) VALUES ('Sign In')`)).rejects.toThrow(/check/);
    await q(`INSERT INTO auth_user (id, name, email) VALUES ('u2', 'X', 'x@example.org')`);
    await expect(q(`INSERT INTO user_role (user_id, role) VALUES ('u2', 'superuser')`)).rejects.toThrow(/check/);
  });
});
