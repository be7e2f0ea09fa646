/**
 * Administrators manage users: only an administrator may (clerk and auditor 403, anonymous 401),
 * input is validated with per-field keys, every change is in the audit trail with what changed,
 * and an administrator cannot lock themselves out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "@/lib/server/admin/add-user";
import { changeUserAccess } from "@/lib/server/admin/change-user-access";
import { disableUser } from "@/lib/server/admin/disable-user";
import { getUserForAdmin, listUsersForAdmin } from "@/lib/server/admin/list-users-for-admin";
import { resetUserPassword } from "@/lib/server/admin/reset-user-password";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";
import { refusal } from "./refusal";

let database: TestDatabase;
let prisma: PrismaClient;
const actors: Record<"admin" | "clerk" | "auditor", Actor> = {} as never;
const PASSWORD = "correct horse battery";
const ORIGIN = { ip: "203.0.113.7", userAgent: "vitest" };

const events = (action: string, subject: string) => prisma.auditEvent.findMany({ where: { action, subject }, orderBy: { id: "asc" } });

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲", nameEn: "A" },
    { id: "agency-b", nameZh: "乙", nameEn: "B" },
  ]);
  for (const [key, role] of [
    ["admin", "administrator"],
    ["clerk", "clerk"],
    ["auditor", "auditor"],
  ] as const) {
    const { id } = await createUser(prisma, { email: `${key}@example.org`, name: key, password: PASSWORD, role, agencyIds: ["agency-a"] });
    actors[key] = (await loadActor(prisma, id))!;
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const newClerk = { email: "New.Clerk@Example.org", name: "New Clerk", password: PASSWORD, role: "clerk", agencyIds: ["agency-b"] };

describe("user management", () => {
  it("refuses anonymous visitors (401), clerks and auditors (403) for every operation", async () => {
    const operations = [
      (a: Actor | null) => listUsersForAdmin(prisma, a),
      (a: Actor | null) => getUserForAdmin(prisma, a, actors.clerk.id),
      (a: Actor | null) => addUser({ db: prisma, actor: a }, newClerk),
      (a: Actor | null) => changeUserAccess({ db: prisma, actor: a }, { userId: actors.clerk.id, role: "auditor", agencyIds: [] }),
      (a: Actor | null) => disableUser({ db: prisma, actor: a }, { userId: actors.clerk.id }),
      (a: Actor | null) => resetUserPassword({ db: prisma, actor: a }, { userId: actors.clerk.id, password: "another long password" }),
    ];
    for (const operation of operations) {
      expect((await refusal(() => operation(null))).status).toBe(401);
      expect((await refusal(() => operation(actors.clerk))).status).toBe(403);
      expect((await refusal(() => operation(actors.auditor))).status).toBe(403);
    }
    expect((await loadActor(prisma, actors.clerk.id))!.role).toBe("clerk");
    expect(await prisma.auditEvent.count({ where: { action: { startsWith: "user." }, NOT: { action: "user.create" } } })).toBe(0);
  });

  it("validates input per field and rejects unknown fields", async () => {
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, email: "not-an-email" }))).toMatchObject({
      status: 400,
      field: "email",
      key: "emailInvalid",
    });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, password: "short" }))).toMatchObject({
      status: 400,
      field: "password",
      key: "passwordTooShort",
    });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, password: "new.clerk@example.org" }))).toMatchObject({
      field: "password",
      key: "passwordIsEmail",
    });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, agencyIds: [] }))).toMatchObject({ field: "agencyIds", key: "clerkNeedsAgency" });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, agencyIds: ["no-such-agency"] }))).toMatchObject({
      status: 400,
      field: "agencyIds",
      key: "agencyUnknown",
    });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, role: "superuser" }))).toMatchObject({ field: "role", key: "roleInvalid" });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, isAdmin: "yes" }))).toMatchObject({ status: 400, field: "_form", key: "unknownField" });
    expect(await refusal(() => addUser({ db: prisma, actor: actors.admin }, { ...newClerk, email: "clerk@example.org" }))).toMatchObject({
      status: 409,
      field: "email",
      key: "emailTaken",
    });
    expect(await prisma.user.count({ where: { email: "new.clerk@example.org" } })).toBe(0);
  });

  it("creates a clerk for an agency, recorded with actor, origin and no password", async () => {
    const { id } = await addUser({ db: prisma, actor: actors.admin, origin: ORIGIN }, newClerk);
    const created = await loadActor(prisma, id);
    expect(created).toMatchObject({ email: "new.clerk@example.org", role: "clerk", agencyIds: ["agency-b"] });
    const [event] = await events("user.create", id);
    expect(event).toMatchObject({ actorUserId: actors.admin.id, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(JSON.stringify(event!.detail)).not.toContain(PASSWORD);
    const listed = (await listUsersForAdmin(prisma, actors.admin)).find((u) => u.id === id);
    expect(listed).toMatchObject({ role: "clerk", agencyIds: ["agency-b"] });
  });

  it("changes role and agencies, recording each change with from and to", async () => {
    const { id } = await addUser({ db: prisma, actor: actors.admin }, { ...newClerk, email: "role@example.org" });
    expect(await changeUserAccess({ db: prisma, actor: actors.admin }, { userId: id, role: "clerk", agencyIds: ["agency-a", "agency-b"] })).toEqual({
      roleChanged: false,
      agenciesChanged: true,
    });
    expect((await events("user.agencies-change", id))[0]!.detail).toEqual({ email: "role@example.org", added: ["agency-a"], removed: [] });
    expect(await changeUserAccess({ db: prisma, actor: actors.admin }, { userId: id, role: "auditor", agencyIds: ["agency-a"] })).toEqual({
      roleChanged: true,
      agenciesChanged: true,
    });
    expect((await events("user.role-change", id))[0]!.detail).toEqual({ email: "role@example.org", from: "clerk", to: "auditor" });
    expect(await loadActor(prisma, id)).toMatchObject({ role: "auditor", agencyIds: [] });
    expect(await prisma.clerkAgency.count({ where: { userId: id } })).toBe(0);
    expect(await changeUserAccess({ db: prisma, actor: actors.admin }, { userId: id, role: "auditor", agencyIds: [] })).toEqual({ roleChanged: false, agenciesChanged: false });
    expect(await events("user.role-change", id)).toHaveLength(1);
  });

  it("refuses an administrator removing their own administrator role or disabling themselves", async () => {
    expect(await refusal(() => changeUserAccess({ db: prisma, actor: actors.admin }, { userId: actors.admin.id, role: "auditor", agencyIds: [] }))).toMatchObject({
      status: 403,
      field: "role",
      key: "selfDemotion",
    });
    expect(await refusal(() => disableUser({ db: prisma, actor: actors.admin }, { userId: actors.admin.id }))).toMatchObject({ status: 403, key: "selfDisable" });
    expect((await loadActor(prisma, actors.admin.id))!.role).toBe("administrator");
  });

  it("disables a user: role and agencies gone, every session deleted, the account kept", async () => {
    const { id } = await addUser({ db: prisma, actor: actors.admin }, { ...newClerk, email: "leaving@example.org" });
    const expiresAt = new Date(Date.now() + 3_600_000);
    await prisma.session.createMany({ data: [1, 2].map((n) => ({ id: `s${n}`, token: `token-${n}`, userId: id, expiresAt })) });
    expect(await disableUser({ db: prisma, actor: actors.admin, origin: ORIGIN }, { userId: id })).toEqual({ sessionsRevoked: 2 });
    expect(await prisma.session.count({ where: { userId: id } })).toBe(0);
    expect(await loadActor(prisma, id)).toMatchObject({ role: null, agencyIds: [] });
    expect((await events("user.disable", id))[0]).toMatchObject({
      actorUserId: actors.admin.id,
      ip: ORIGIN.ip,
      detail: { email: "leaving@example.org", previousRole: "clerk", previousAgencyIds: ["agency-b"], sessionsRevoked: 2 },
    });
    expect(await refusal(() => disableUser({ db: prisma, actor: actors.admin }, { userId: "no-such-user" }))).toMatchObject({ status: 404 });
  });

  it("resets a password to one meeting the policy, ends the user's sessions, never records it", async () => {
    const before = await prisma.account.findFirstOrThrow({ where: { userId: actors.auditor.id } });
    expect(await refusal(() => resetUserPassword({ db: prisma, actor: actors.admin }, { userId: actors.auditor.id, password: "auditor" }))).toMatchObject({
      field: "password",
      key: "passwordTooShort",
    });
    expect(await refusal(() => resetUserPassword({ db: prisma, actor: actors.admin }, { userId: actors.auditor.id, password: "auditor@example.org" }))).toMatchObject({
      field: "password",
      key: "passwordIsEmail",
    });
    await prisma.session.create({ data: { id: "s-auditor", token: "token-auditor", userId: actors.auditor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await resetUserPassword({ db: prisma, actor: actors.admin }, { userId: actors.auditor.id, password: "a brand new password" })).toEqual({ sessionsRevoked: 1 });
    const after = await prisma.account.findFirstOrThrow({ where: { userId: actors.auditor.id } });
    expect(after.password).not.toBe(before.password);
    const [event] = await events("user.password-reset", actors.auditor.id);
    expect(JSON.stringify(event!.detail)).not.toContain("a brand new password");
  });
});
