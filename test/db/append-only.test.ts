/** Append-only is enforced by the database itself: UPDATE, DELETE and TRUNCATE fail. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./harness";

let database: TestDatabase;
const q = (sql: string, params: unknown[] = []) => database.client.query(sql, params);

beforeAll(async () => {
  database = await createTestDatabase();
  const b32 = Buffer.alloc(32, 1);
  await q(`INSERT INTO agency (id, name_zh, name_en) VALUES ('a', '甲', 'A')`);
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

  it("lets a partial tile go only once a wider tile with the same prefix is stored", async () => {
    const h1 = Buffer.alloc(32, 1);
    const h2 = Buffer.alloc(32, 2);
    await expect(q(`DELETE FROM tree_tile WHERE level = 0 AND n = 0 AND width = 1`)).rejects.toThrow(/not superseded/);
    await q(`INSERT INTO tree_tile VALUES (0, 0, 2, $1)`, [Buffer.concat([h2, h2])]); // different prefix
    await expect(q(`DELETE FROM tree_tile WHERE level = 0 AND n = 0 AND width = 1`)).rejects.toThrow(/not superseded/);
    await q(`INSERT INTO tree_tile VALUES (0, 0, 3, $1)`, [Buffer.concat([h1, h2, h2])]);
    await q(`DELETE FROM tree_tile WHERE level = 0 AND n = 0 AND width = 1`);
    const full = Buffer.concat(Array.from({ length: 256 }, () => h1));
    await q(`INSERT INTO tree_tile VALUES (0, 1, 256, $1)`, [full]);
    await expect(q(`DELETE FROM tree_tile WHERE level = 0 AND n = 1`)).rejects.toThrow(/not superseded/);
  });
});
