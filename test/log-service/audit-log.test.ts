/** The auditor finds nothing in an honest log and names every kind of tampering it is shown. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/server/log-service/audit-log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { ORIGIN, publishSample, setUp, testLogConfig } from "./fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;

/** As the superuser, with triggers off — what an attacker with database access could do. */
async function tamper(sql: string, params: unknown[] = []) {
  await ctx.database.client.query("BEGIN");
  await ctx.database.client.query("SET LOCAL session_replication_role = replica");
  await ctx.database.client.query(sql, params);
  await ctx.database.client.query("COMMIT");
}

beforeAll(async () => {
  ctx = await setUp();
  for (let i = 1; i <= 12; i++) {
    await publishSample(ctx.prisma, `A${i}`);
    if (i % 4 === 0) await commitPending(ctx.prisma, config);
  }
  await recordNoticeVersion(ctx.prisma, {
    noticeId: "A3",
    agencyId: "hp-planning",
    kind: "correct",
    fields: { title: "关于A3的公示（更正）", body: "更正后的正文。", number: "海规〔2026〕A3号", category: "城乡规划", language: "zh-CN" },
  });
  await commitPending(ctx.prisma, config);
});
afterAll(() => ctx.tearDown());

describe("log:audit", () => {
  it("finds no discrepancy in an honest log", async () => {
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    expect(report).toMatchObject({ size: 13, checkpoints: 4, discrepancies: [] });
  });

  it("names the notice and field whose body was changed in the database", async () => {
    await tamper(`UPDATE notice_version SET fields = jsonb_set(fields, '{body}', '"篡改后的正文"') WHERE notice_id = 'A7'`);
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    expect(report.discrepancies).toEqual([{ where: "entry 6 (notice A7 version 1)", message: 'field "body" does not match its commitment in the log' }]);
  });

  it("names a replaced attachment", async () => {
    await tamper(`UPDATE attachment SET content = $1, size = 5 FROM notice_version v WHERE v.id = notice_version_id AND v.notice_id = 'A2'`, [Buffer.from("%PDF!")]);
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    expect(report.discrepancies.map((d) => d.where)).toContain("entry 1 (notice A2 version 1)");
    expect(report.discrepancies.some((d) => /attachment 0/.test(d.message))).toBe(true);
  });

  it("catches a rewritten leaf, a forged checkpoint and a broken chain link", async () => {
    await tamper(`UPDATE log_entry SET leaf_hash = $1 WHERE index = 3`, [Buffer.alloc(32)]);
    await tamper(`UPDATE checkpoint SET note = replace(note, '\n8\n', '\n9\n') WHERE size = 8`);
    await tamper(`UPDATE checkpoint SET prev_hash = 'AAAA' WHERE size = 12`);
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    const text = report.discrepancies.map((d) => `${d.where}: ${d.message}`).join("\n");
    expect(text).toMatch(/entry 3: stored leaf hash/);
    expect(text).toMatch(/checkpoint 8: signature or format invalid/);
    expect(text).toMatch(/checkpoint 12: chain link/);
  });

  it("names a pending version that vanished from the queue", async () => {
    await publishSample(ctx.prisma, "A99");
    await tamper(`DELETE FROM log_queue WHERE notice_version_id = (SELECT id FROM notice_version WHERE notice_id = 'A99')`);
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    expect(report.discrepancies).toContainEqual({ where: "notice A99 version 1", message: "neither in the log nor waiting for it" });
  });

  it("names a version whose stored commitments differ from its leaf", async () => {
    await tamper(`UPDATE notice_version SET commitments = jsonb_set(commitments, '{title}', commitments -> 'body') WHERE notice_id = 'A5'`);
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    expect(report.discrepancies).toContainEqual({ where: "entry 4 (notice A5 version 1)", message: "stored field commitments differ from the logged ones" });
  });
});
