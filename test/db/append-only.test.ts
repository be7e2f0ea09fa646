/** Append-only is enforced by the database itself: UPDATE, DELETE and TRUNCATE fail. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./harness";

let database: TestDatabase;
const q = (sql: string, params: unknown[] = []) => database.client.query(sql, params);

beforeAll(async () => {
  database = await createTestDatabase();
  const b32 = Buffer.alloc(32, 1);
  await q(`WITH e AS (INSERT INTO audit_event (action, subject) VALUES ('agency.create', 'a')) INSERT INTO agency (id, name_zh, name_en) VALUES ('a', '甲', 'A')`);
  await q(`INSERT INTO notice (id, agency_id) VALUES ('N1', 'a')`);
  await q(`INSERT INTO notice_version (id, notice_id, version, kind, fields, salts) VALUES (1, 'N1', 1, 'publish', '{}', '{}')`);
  await q(`INSERT INTO attachment VALUES (1, 0, 'f', $1, 'text/plain', $2, 1, '\\x41')`, [b32, "0".repeat(64)]);
  await q(`INSERT INTO log_entry (index, leaf, leaf_hash, notice_version_id, logged_at) VALUES (0, '\\x00', $1, 1, now())`, [b32]);
  await q(`INSERT INTO tree_tile VALUES (0, 0, 1, $1)`, [b32]);
  await q(`INSERT INTO checkpoint (size, root_hash, note) VALUES (1, $1, 'n')`, [b32]);
  await q(`INSERT INTO cosignature (checkpoint_size, witness, signature) VALUES (1, 'w', 's')`);
});
afterAll(() => database.drop());

const TABLES: [string, string, string][] = [
  ["notice_version", "kind = 'amend'", "id = 1"],
  ["attachment", "file_name = 'g'", "position = 0"],
  ["log_entry", "leaf = '\\x01'", "index = 0"],
  ["checkpoint", "note = 'forged'", "size = 1"],
  ["cosignature", "signature = 'forged'", "witness = 'w'"],
  ["tree_tile", "data = data", "level = 0"],
];

describe("append-only tables", () => {
  it.each(TABLES)("%s rejects UPDATE", async (table, set, where) => {
    await expect(q(`UPDATE ${table} SET ${set} WHERE ${where}`)).rejects.toThrow(/append-only/);
  });

  it.each(TABLES.filter(([t]) => t !== "tree_tile"))("%s rejects DELETE", async (table, _set, where) => {
    await expect(q(`DELETE FROM ${table} WHERE ${where}`)).rejects.toThrow(/append-only/);
  });

  it.each(TABLES)("%s rejects TRUNCATE", async (table) => {
    await expect(q(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
  });

  it("keeps every row after the attempts", async () => {
    for (const [table] of TABLES) {
      const { rows } = await q(`SELECT count(*)::int AS n FROM ${table}`);
      expect(rows[0].n, table).toBe(1);
    }
  });

  it("keeps the queue honest: a version leaves it only by being logged", async () => {
    await q(`INSERT INTO notice_version (id, notice_id, version, kind, fields, salts) VALUES (2, 'N1', 2, 'amend', '{}', '{}')`);
    await expect(q(`DELETE FROM log_queue WHERE notice_version_id = 2`)).rejects.toThrow(/not in the log yet/);
    await expect(q(`TRUNCATE log_queue`)).rejects.toThrow(/append-only/);
  });

  it("refuses attachments for a version already logged", async () => {
    await q(`DELETE FROM log_queue WHERE notice_version_id = 1`); // allowed: version 1 has its log entry
    await expect(q(`INSERT INTO attachment VALUES (1, 1, 'late.pdf', $1, 'application/pdf', $2, 1, '\\x41')`, [Buffer.alloc(32), "1".repeat(64)])).rejects.toThrow(
      /already logged/,
    );
  });

  it("lets the checkpoint chain grow only at its head", async () => {
    const b32 = Buffer.alloc(32, 1);
    await expect(q(`INSERT INTO checkpoint (size, root_hash, note, prev_hash) VALUES (2, $1, 'x', 'wrong')`, [b32])).rejects.toThrow(/does not extend/);
    await expect(q(`INSERT INTO checkpoint (size, root_hash, note, prev_hash) VALUES (0, $1, 'x', null)`, [b32])).rejects.toThrow();
    const link = (await q(`SELECT encode(sha256(convert_to(note, 'UTF8')), 'base64') AS h FROM checkpoint WHERE size = 1`)).rows[0].h;
    await q(`INSERT INTO checkpoint (size, root_hash, note, prev_hash) VALUES (2, $1, 'n2', $2)`, [b32, link]);
    await expect(q(`INSERT INTO checkpoint (size, root_hash, note, prev_hash) VALUES (3, $1, 'fork', $2)`, [b32, link])).rejects.toThrow();
  });

  it("keeps a notice's id and agency permanent", async () => {
    await q(`WITH e AS (INSERT INTO audit_event (action, subject) VALUES ('agency.create', 'b')) INSERT INTO agency (id, name_zh, name_en) VALUES ('b', '乙', 'B')`);
    await expect(q(`UPDATE notice SET agency_id = 'b' WHERE id = 'N1'`)).rejects.toThrow(/permanent/);
    await expect(q(`DELETE FROM notice WHERE id = 'N1'`)).rejects.toThrow(/permanent/);
    await expect(q(`DELETE FROM agency WHERE id = 'b'`)).rejects.toThrow(/append-only/);
    await q(`WITH e AS (INSERT INTO audit_event (action, subject) VALUES ('agency.update', 'b')) UPDATE agency SET name_en = 'Bureau B' WHERE id = 'b'`); // names may be corrected
  });

  it("lets a partial tile go only once a wider tile with the same prefix is stored", async () => {
    const h1 = Buffer.alloc(32, 1);
    const h2 = Buffer.alloc(32, 2);
    await expect(q(`DELETE FROM tree_tile WHERE level = 0 AND n = 0 AND width = 1`)).rejects.toThrow(/not superseded/);
    // A wider tile that does not extend the stored one is refused: it would fork the tree.
    await expect(q(`INSERT INTO tree_tile VALUES (0, 0, 2, $1)`, [Buffer.concat([h2, h2])])).rejects.toThrow(/disagrees/);
    await q(`INSERT INTO tree_tile VALUES (0, 0, 3, $1)`, [Buffer.concat([h1, h2, h2])]);
    await expect(q(`INSERT INTO tree_tile VALUES (0, 0, 2, $1)`, [Buffer.concat([h1, h1])])).rejects.toThrow(/disagrees/);
    await q(`DELETE FROM tree_tile WHERE level = 0 AND n = 0 AND width = 1`);
    const full = Buffer.concat(Array.from({ length: 256 }, () => h1));
    await q(`INSERT INTO tree_tile VALUES (0, 1, 256, $1)`, [full]);
    await expect(q(`DELETE FROM tree_tile WHERE level = 0 AND n = 1`)).rejects.toThrow(/not superseded/);
  });
});
