/**
 * log:audit against the audit trail and the search index: notice versions written around the
 * publishing services, audit events removed or back-dated, roles, agency assignments, API
 * tokens and agency names changed in the database, and search rows showing citizens a fake
 * title or status are each named; a database filled through the services audits clean.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAuditEventSequence, issuedAuditEventIds } from "@/lib/server/audit/audit-event-sequence";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditDatabase } from "@/lib/server/log-service/audit-database";
import { revokeApiToken } from "@/lib/server/auth/tokens/revoke-api-token";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { ORIGIN } from "../log-service/fixtures";
import { AGENCY, auditedDatabase, tamper, type AuditedDatabase } from "./audited-fixture";

let db: AuditedDatabase;

async function findings(prefix?: string) {
  const { discrepancies } = await auditDatabase(db.prisma, { origin: ORIGIN, verifierKey: db.config.verifierKey });
  return prefix === undefined ? discrepancies : discrepancies.filter((d) => d.where.startsWith(prefix));
}

async function eventId(action: string, subject: string): Promise<bigint> {
  return (await db.prisma.auditEvent.findFirstOrThrow({ where: { action, subject }, orderBy: { id: "desc" } })).id;
}

beforeAll(async () => {
  db = await auditedDatabase();
}, 60_000);
afterAll(() => db.tearDown());

describe("log:audit against the audit trail and the search index", () => {
  it("finds nothing in a database filled through the services", async () => {
    expect(await findings()).toEqual([]);
  });

  it("names a notice version written around the publishing services, and an event whose version is gone", async () => {
    await recordNoticeVersion(db.prisma, {
      noticeId: "HP-FORGED",
      agencyId: AGENCY,
      kind: "publish",
      fields: { title: "未经发布流程的公示", number: "海规〔2026〕99号", category: "城乡规划", language: "zh-CN", body: "正文。" },
    });
    const third = db.notices[2]!;
    const event = await eventId("notice.publish", third);
    await tamper(db, `UPDATE audit_event SET detail = jsonb_set(detail, '{version}', '7') WHERE id = $1`, [event]);
    const found = await findings("");
    expect(found).toContainEqual({ where: "notice HP-FORGED version 1", message: "no notice.publish audit event: the version did not come through the publishing services" });
    expect(found).toContainEqual({ where: `notice ${third} version 1`, message: "no notice.publish audit event: the version did not come through the publishing services" });
    expect(found).toContainEqual({ where: `audit event ${event}`, message: `notice.publish of notice ${third} version 7, which the database does not hold` });
    await tamper(db, `UPDATE audit_event SET detail = jsonb_set(detail, '{version}', '1') WHERE id = $1`, [event]);
  });

  it("names audit events removed from the middle and the end of the trail, and one back-dated", async () => {
    for (let i = 0; i < 4; i++) await recordAuditEvent(db.prisma, { actorUserId: db.clerk.id, action: "sign-in", subject: db.clerk.email });
    const ids = (await db.prisma.auditEvent.findMany({ where: { action: "sign-in" }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
    expect(await findings("audit events")).toEqual([]);
    await tamper(db, `DELETE FROM audit_event WHERE id = ANY($1::bigint[])`, [[ids[1], ids[3]]]);
    await tamper(db, `UPDATE audit_event SET at = at - interval '1 hour' WHERE id = $1`, [ids[2]]);
    expect(await findings("audit event")).toEqual([
      { where: `audit events ${ids[1]}`, message: `missing: the trail jumps from ${ids[0]} to ${ids[2]}` },
      { where: `audit events ${ids[3]}`, message: `missing: ids up to ${ids[3]} were handed out, the last row is ${ids[2]}` },
      { where: `audit event ${ids[2]}`, message: expect.stringMatching(/^out of order: recorded at .*, after an event recorded at /) },
    ]);
  });

  it("names a role and an agency assignment given in the database", async () => {
    const created = await eventId("user.create", db.clerk.id);
    await tamper(db, `UPDATE user_role SET role = 'administrator' WHERE user_id = $1`, [db.clerk.id]);
    await tamper(db, `INSERT INTO clerk_agency (user_id, agency_id) VALUES ($1, 'hp-land')`, [db.clerk.id]);
    expect(await findings(`user ${db.clerk.id}`)).toEqual([
      { where: `user ${db.clerk.id} (clerk@example.org)`, message: `user_role is administrator, but the audit trail gives clerk (last audit event ${created})` },
      { where: `user ${db.clerk.id} (clerk@example.org)`, message: `clerk_agency is [hp-land, ${AGENCY}], but the audit trail gives [${AGENCY}] (last audit event ${created})` },
    ]);
  });

  it("names an API token inserted in the database and one un-revoked and given the right to publish directly there", async () => {
    await revokeApiToken({ db: db.prisma, actor: db.admin }, db.tokenId);
    expect(await findings("api token")).toEqual([]);
    await tamper(db, `UPDATE api_token SET revoked_at = NULL, revoked_by = NULL, publish_directly = true WHERE id = $1`, [db.tokenId]);
    await tamper(
      db,
      `INSERT INTO api_token (id, agency_id, label, token_hash, prefix, created_by) VALUES ('tok_forgedforgedforged', $1, 'backdoor', repeat('a', 64), 'gs_x', $2)`,
      [AGENCY, db.admin.id],
    );
    expect(await findings("api token")).toEqual([
      { where: `api token ${db.tokenId}`, message: "publishDirectly is true, but its token.create event says false" },
      { where: `api token ${db.tokenId}`, message: "a token.revoke event revoked it, but the row is not revoked" },
      { where: "api token tok_forgedforgedforged", message: "no token.create audit event: the token was not made by an administrator" },
    ]);
  });

  it("names an agency renamed in the database", async () => {
    await tamper(db, `UPDATE agency SET name_zh = '海平市假冒局' WHERE id = $1`, [AGENCY]);
    expect(await findings("agency")).toEqual([{ where: `agency ${AGENCY}`, message: `nameZh is "海平市假冒局", but its audit events give "海平市规划局"` }]);
    await tamper(db, `UPDATE agency SET name_zh = '海平市规划局' WHERE id = $1`, [AGENCY]);
  });

  it("names search rows showing a fake title or status, by notice id", async () => {
    const [, , , fourth, fifth] = db.notices;
    expect(await findings(`notice ${fourth}`)).toEqual([]);
    await tamper(db, `UPDATE notice_search SET title = '伪造的标题' WHERE notice_id = $1`, [fourth]);
    await tamper(db, `UPDATE notice_search SET status = 'retracted' WHERE notice_id = $1`, [fifth]);
    expect(await findings(`notice ${fourth}`)).toEqual([
      { where: `notice ${fourth}`, message: 'search row differs from the one rebuilt from its versions in title (stored "伪造的标题", rebuilt "关于第4号事项的公示")' },
    ]);
    expect(await findings(`notice ${fifth}`)).toEqual([
      { where: `notice ${fifth}`, message: 'search row differs from the one rebuilt from its versions in status (stored "retracted", rebuilt "in-force")' },
    ]);
  });

  it("does not take an event being written while the audit runs for a missing one", async () => {
    const before = await checkAuditEventSequence(db.prisma, await issuedAuditEventIds(db.prisma));
    const issued = await issuedAuditEventIds(db.prisma);
    const writer = db.database.client;
    await writer.query("BEGIN");
    try {
      await writer.query(`INSERT INTO audit_event (action, subject) VALUES ('sign-in', 'someone@example.org')`);
      expect(await checkAuditEventSequence(db.prisma, issued)).toEqual(before);
      // Read after the id was handed out, the same open transaction is a gap: the documented limit.
      expect((await checkAuditEventSequence(db.prisma, await issuedAuditEventIds(db.prisma))).length).toBe(before.length + 1);
    } finally {
      await writer.query("COMMIT");
    }
    expect(await checkAuditEventSequence(db.prisma, await issuedAuditEventIds(db.prisma))).toEqual(before);
  });
});
