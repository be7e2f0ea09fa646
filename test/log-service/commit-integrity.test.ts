/** The committer refuses to extend a log whose stored state no longer matches what it signed. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitPending, LogIntegrityError } from "@/lib/server/log-service/commit-pending";
import { NoticeVersionError, recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { publishSample, setUp, testLogConfig } from "./fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
beforeEach(async () => {
  ctx = await setUp();
  for (let i = 1; i <= 5; i++) await publishSample(ctx.prisma, `I${i}`);
  await commitPending(ctx.prisma, config);
  await publishSample(ctx.prisma, "I6");
});
afterEach(() => ctx.tearDown());

async function asSuperuserWithoutTriggers(sql: string, params: unknown[] = []) {
  await ctx.database.client.query("BEGIN");
  await ctx.database.client.query("SET LOCAL session_replication_role = replica");
  await ctx.database.client.query(sql, params);
  await ctx.database.client.query("COMMIT");
}

describe("committer integrity checks", () => {
  it("refuses to sign over a replaced tile", async () => {
    await asSuperuserWithoutTriggers(`UPDATE tree_tile SET data = overlay(data PLACING '\\xff'::bytea FROM 3 FOR 1) WHERE level = 0`);
    await expect(commitPending(ctx.prisma, config)).rejects.toThrow(LogIntegrityError);
    expect(await ctx.prisma.checkpoint.count()).toBe(1);
  });

  it("refuses to sign when the last checkpoint was forged", async () => {
    await asSuperuserWithoutTriggers(`UPDATE checkpoint SET note = replace(note, E'\\n5\\n', E'\\n4\\n')`);
    await expect(commitPending(ctx.prisma, config)).rejects.toThrow(/does not verify/);
  });

  it("refuses when entries exist beyond the last checkpoint", async () => {
    await publishSample(ctx.prisma, "I-stray");
    await asSuperuserWithoutTriggers(
      `INSERT INTO log_entry (index, leaf, leaf_hash, logged_at, notice_version_id)
       SELECT 5, '\\x00', $1, now(), id FROM notice_version WHERE notice_id = 'I-stray'`,
      [Buffer.alloc(32)],
    );
    await expect(commitPending(ctx.prisma, config)).rejects.toThrow(/holds 6 entries/);
  });

  it("stops loudly when a version's predecessor was lost", async () => {
    await recordNoticeVersion(ctx.prisma, {
      noticeId: "I6",
      agencyId: "hp-planning",
      kind: "amend",
      fields: { title: "修订", body: "正文" },
    });
    await asSuperuserWithoutTriggers(`DELETE FROM log_queue WHERE notice_version_id = (SELECT id FROM notice_version WHERE notice_id = 'I6' AND version = 1)`);
    await expect(commitPending(ctx.prisma, config)).rejects.toThrow(/version 1 of notice I6 is not in the log/);
  });

  it("refuses to store a version that could never become a leaf", async () => {
    for (const fields of [{ due_date: "x" }, { title: "\ud800" }, Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, "x"]))]) {
      await expect(recordNoticeVersion(ctx.prisma, { noticeId: "BAD-1", agencyId: "hp-planning", kind: "publish", fields })).rejects.toBeInstanceOf(NoticeVersionError);
    }
    expect(await ctx.prisma.notice.count({ where: { id: "BAD-1" } })).toBe(0);
    expect(await commitPending(ctx.prisma, config)).toEqual({ committed: 1, size: 6 });
  });
});
