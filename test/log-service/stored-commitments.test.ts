/**
 * Field commitments stored when a version is recorded: the committer builds leaves from them,
 * versions stored without them (recorded before the column existed) still commit from their
 * plaintext and salts, and the database refuses commitments that do not match the row.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeLeaf, fromBase64, verifyFieldCommitments, type NoticeLeaf } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { publishSample, setUp, testLogConfig } from "./fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
beforeAll(async () => {
  ctx = await setUp();
});
afterAll(() => ctx.tearDown());

async function storedVersion(noticeId: string) {
  const { rows } = await ctx.database.client.query<{
    fields: Record<string, string>;
    salts: Record<string, string>;
    commitments: Record<string, string> | null;
    leaf: Buffer | null;
  }>(`SELECT v.fields, v.salts, v.commitments, e.leaf FROM notice_version v LEFT JOIN log_entry e ON e.notice_version_id = v.id WHERE v.notice_id = $1`, [noticeId]);
  return rows[0]!;
}

function checkAgainstPlaintext(v: Awaited<ReturnType<typeof storedVersion>>): NoticeLeaf {
  const leaf = decodeLeaf(new Uint8Array(v.leaf!)) as NoticeLeaf;
  const salts = Object.fromEntries(Object.entries(v.salts).map(([name, b64]) => [name, fromBase64(b64)]));
  expect(verifyFieldCommitments({ ...leaf, attachments: [] }, v.fields, salts).mismatched).toEqual([]);
  return leaf;
}

describe("stored field commitments", () => {
  it("are stored when a version is recorded, and are what its leaf holds", async () => {
    await publishSample(ctx.prisma, "S1");
    expect(Object.keys((await storedVersion("S1")).commitments ?? {}).sort()).toEqual(["body", "category", "language", "number", "title"]);
    await commitPending(ctx.prisma, config);
    const v = await storedVersion("S1");
    expect(checkAgainstPlaintext(v).fields).toEqual(v.commitments);
  });

  it("are not needed: a version stored without them commits from its plaintext and salts", async () => {
    const salt = () => randomBytes(32).toString("base64");
    await ctx.database.client.query(`INSERT INTO notice (id, agency_id) VALUES ('S2', 'hp-planning')`);
    await ctx.database.client.query(`INSERT INTO notice_version (notice_id, version, kind, fields, salts) VALUES ('S2', 1, 'publish', $1, $2)`, [
      JSON.stringify({ title: "无承诺值的旧版本", body: "正文。" }),
      JSON.stringify({ title: salt(), body: salt() }),
    ]);
    expect((await commitPending(ctx.prisma, config)).committed).toBe(1);
    const v = await storedVersion("S2");
    expect(v.commitments).toBeNull();
    expect(Object.keys(checkAgainstPlaintext(v).fields).sort()).toEqual(["body", "title"]);
  });

  it("must match the row's fields and salts, or the database refuses the version", async () => {
    const salts = { title: randomBytes(32).toString("base64") };
    const other = { title: randomBytes(32).toString("base64") };
    await ctx.prisma.$executeRawUnsafe(`INSERT INTO notice (id, agency_id) VALUES ('S3', 'hp-planning')`);
    const insert = (commitments: unknown) =>
      ctx.prisma.$executeRawUnsafe(
        `INSERT INTO notice_version (notice_id, version, kind, fields, salts, commitments) VALUES ('S3', 1, 'publish', $1::jsonb, $2::jsonb, $3::jsonb)`,
        JSON.stringify({ title: "标题" }),
        JSON.stringify(salts),
        JSON.stringify(commitments),
      );
    // A commitment computed under another salt, and one field too many.
    const { rows } = await ctx.database.client.query<{ c: string }>(`SELECT encode(sha256(decode($1, 'base64') || convert_to('标题', 'UTF8')), 'base64') AS c`, [other.title]);
    await expect(insert({ title: rows[0]!.c })).rejects.toThrow(/do not match its fields and salts/);
    await expect(insert({})).rejects.toThrow(/do not match its fields and salts/);
    const { rows: right } = await ctx.database.client.query<{ c: string }>(`SELECT encode(sha256(decode($1, 'base64') || convert_to('标题', 'UTF8')), 'base64') AS c`, [
      salts.title,
    ]);
    await expect(insert({ title: right[0]!.c, extra: right[0]!.c })).rejects.toThrow(/do not match its fields and salts/);
    expect(await insert({ title: right[0]!.c })).toBe(1);
  });
});
