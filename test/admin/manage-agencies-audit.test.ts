/**
 * Agencies (administrator only; the id never changes; every change recorded with old and new
 * value) and the audit trail listing (administrator and auditor; filters; newest first).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgency } from "@/lib/server/admin/create-agency";
import { getAgencyForAdmin, listAgenciesForAdmin } from "@/lib/server/admin/list-agencies-for-admin";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/server/admin/list-audit-events";
import { updateAgency } from "@/lib/server/admin/update-agency";
import { AUDIT_ACTIONS } from "@/lib/server/audit/record-audit-event";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import en from "@/messages/en/admin.json";
import zh from "@/messages/zh-CN/admin.json";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";
import { refusal } from "./refusal";

let database: TestDatabase;
let prisma: PrismaClient;
const actors: Record<"admin" | "clerk" | "auditor", Actor> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [{ id: "agency-a", nameZh: "甲", nameEn: "A" }]);
  for (const [key, role] of [
    ["admin", "administrator"],
    ["clerk", "clerk"],
    ["auditor", "auditor"],
  ] as const) {
    const { id } = await createUser(prisma, { email: `${key}@example.org`, name: key, password: "correct horse battery", role, agencyIds: ["agency-a"] });
    actors[key] = (await loadActor(prisma, id))!;
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const bureau = { id: "water-bureau", nameZh: "水务局", nameEn: "Water Bureau", descriptionZh: "", descriptionEn: "Water supply." };

describe("agencies", () => {
  it("are managed by administrators only", async () => {
    for (const [actor, status] of [
      [null, 401],
      [actors.clerk, 403],
      [actors.auditor, 403],
    ] as const) {
      expect((await refusal(() => listAgenciesForAdmin(prisma, actor))).status).toBe(status);
      expect((await refusal(() => getAgencyForAdmin(prisma, actor, "agency-a"))).status).toBe(status);
      expect((await refusal(() => createAgency({ db: prisma, actor }, bureau))).status).toBe(status);
      expect((await refusal(() => updateAgency({ db: prisma, actor }, { ...bureau, id: "agency-a" }))).status).toBe(status);
    }
    expect(await prisma.agency.count()).toBe(1);
  });

  it("validate the id and names, and refuse unknown fields and a taken id", async () => {
    expect(await refusal(() => createAgency({ db: prisma, actor: actors.admin }, { ...bureau, id: "Water Bureau" }))).toMatchObject({
      status: 400,
      field: "id",
      key: "agencyIdInvalid",
    });
    expect(await refusal(() => createAgency({ db: prisma, actor: actors.admin }, { ...bureau, nameEn: "  " }))).toMatchObject({ field: "nameEn", key: "required" });
    expect(await refusal(() => createAgency({ db: prisma, actor: actors.admin }, { ...bureau, createdAt: "2020-01-01" }))).toMatchObject({ field: "_form", key: "unknownField" });
    expect(await refusal(() => createAgency({ db: prisma, actor: actors.admin }, { ...bureau, id: "agency-a" }))).toMatchObject({ status: 409, field: "id", key: "agencyIdTaken" });
  });

  it("are created and edited with each change recorded; the id stays", async () => {
    await createAgency({ db: prisma, actor: actors.admin, origin: { ip: "198.51.100.1", userAgent: "vitest" } }, bureau);
    expect((await listAgenciesForAdmin(prisma, actors.admin)).map((a) => a.id)).toEqual(["agency-a", "water-bureau"]);
    expect(await prisma.auditEvent.findFirst({ where: { action: "agency.create", subject: "water-bureau" } })).toMatchObject({ actorUserId: actors.admin.id, ip: "198.51.100.1" });
    expect(await updateAgency({ db: prisma, actor: actors.admin }, { ...bureau, nameEn: "Water Affairs Bureau" })).toEqual({ changed: ["nameEn"] });
    expect((await prisma.auditEvent.findFirst({ where: { action: "agency.update", subject: "water-bureau" } }))!.detail).toEqual({
      nameEn: { from: "Water Bureau", to: "Water Affairs Bureau" },
    });
    expect(await updateAgency({ db: prisma, actor: actors.admin }, { ...bureau, nameEn: "Water Affairs Bureau" })).toEqual({ changed: [] });
    expect(await prisma.auditEvent.count({ where: { action: "agency.update" } })).toBe(1);
    expect(await refusal(() => updateAgency({ db: prisma, actor: actors.admin }, { ...bureau, id: "no-such-agency" }))).toMatchObject({ status: 404 });
  });
});

describe("audit trail", () => {
  it("is readable by administrators and auditors, not by clerks or anonymous visitors", async () => {
    expect((await refusal(() => listAuditEvents(prisma, null, {}))).status).toBe(401);
    expect((await refusal(() => listAuditEvents(prisma, actors.clerk, {}))).status).toBe(403);
    expect((await listAuditEvents(prisma, actors.auditor, {})).total).toBeGreaterThan(0);
  });

  it("lists newest first with the actor resolved, and filters by action, actor, subject and date", async () => {
    const all = await listAuditEvents(prisma, actors.admin, {});
    expect(all.events[0]).toMatchObject({ action: "agency.update", subject: "water-bureau", actor: { email: "admin@example.org", name: "admin" } });
    const ats = all.events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const created = await listAuditEvents(prisma, actors.admin, { action: "agency.create", actor: "ADMIN@example" });
    expect(created.events.map((e) => e.subject)).toEqual(["water-bureau"]);
    expect((await listAuditEvents(prisma, actors.admin, { actor: "auditor@" })).total).toBe(0);
    expect((await listAuditEvents(prisma, actors.admin, { subject: "water" })).total).toBe(2);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await listAuditEvents(prisma, actors.admin, { from: today, to: today })).total).toBe(all.total);
    expect((await listAuditEvents(prisma, actors.admin, { to: "2020-01-01" })).total).toBe(0);
  });

  it("refuses bad filters with a field and unknown parameters", async () => {
    expect(await refusal(() => listAuditEvents(prisma, actors.admin, { from: "yesterday" }))).toMatchObject({ status: 400, field: "from", key: "dateInvalid" });
    expect(await refusal(() => listAuditEvents(prisma, actors.admin, { to: "2026-02-30" }))).toMatchObject({ status: 400, field: "to", key: "dateInvalid" });
    expect(await refusal(() => listAuditEvents(prisma, actors.admin, { from: "2026-02-02", to: "2026-02-01" }))).toMatchObject({ field: "to", key: "dateOrder" });
    expect(await refusal(() => listAuditEvents(prisma, actors.admin, { action: "drop-table" }))).toMatchObject({ field: "action" });
    expect(await refusal(() => listAuditEvents(prisma, actors.admin, { page: "0" }))).toMatchObject({ field: "page" });
    expect(await refusal(() => listAuditEvents(prisma, actors.admin, { sort: "asc" }))).toMatchObject({ field: "_form", key: "unknownField" });
  });

  it("pages the trail", async () => {
    const total = (await listAuditEvents(prisma, actors.admin, {})).total;
    const pages = Math.ceil(total / AUDIT_PAGE_SIZE);
    const last = await listAuditEvents(prisma, actors.admin, { page: String(pages) });
    expect(last.events.length).toBe(total - (pages - 1) * AUDIT_PAGE_SIZE);
  });

  it("has a label for every action in both languages", () => {
    for (const action of AUDIT_ACTIONS) {
      const key = action.replaceAll(".", "_") as keyof typeof en.auditActions;
      expect(en.auditActions[key], action).toBeTruthy();
      expect(zh.auditActions[key], action).toBeTruthy();
    }
  });
});
