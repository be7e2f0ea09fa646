/**
 * A user changes their own password and name through Gongshi's services (the account page):
 * each change is an audit event committed in the same transaction, and a disabled user — or an
 * agency token — changes nothing, even with an actor loaded before the disabling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { disableUser } from "@/lib/server/admin/disable-user";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { changeOwnPassword } from "@/lib/server/auth/change-own-password";
import { createUser } from "@/lib/server/auth/create-user";
import { renameSelf } from "@/lib/server/auth/rename-self";
import { createAuth, type Auth } from "@/lib/server/auth/server";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { refusal } from "../admin/refusal";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/auth/request-origin";

let database: TestDatabase;
let prisma: PrismaClient;
let auth: Auth;
let admin: Actor;
const PASSWORD = "a long enough passphrase";
const NEW_PASSWORD = "another long passphrase";
const ORIGIN = { ip: "203.0.113.9", userAgent: "vitest" };

async function user(email: string): Promise<Actor> {
  return (await loadActor(prisma, (await createUser(prisma, { email, name: "Original Name", password: PASSWORD, role: "clerk" })).id))!;
}

async function signIn(email: string, password: string): Promise<string> {
  const { token } = await auth.api.signInEmail({ body: { email, password }, headers: new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.1" }) });
  return token;
}

const hashOf = async (userId: string) => (await prisma.account.findFirstOrThrow({ where: { userId, providerId: "credential" } })).password!;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  auth = createAuth(prisma, { secret: "test-secret-test-secret-test-secret!", baseURL: "http://localhost:3000", production: false });
  admin = (await loadActor(prisma, (await createUser(prisma, { email: "admin@example.org", name: "Admin", password: PASSWORD, role: "administrator" })).id))!;
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("changing one's own password", () => {
  it("asks for the current one, keeps the rules, records the change and ends the other sessions", async () => {
    const me = await user("me@example.org");
    const here = await signIn("me@example.org", PASSWORD);
    await signIn("me@example.org", PASSWORD);
    expect(await refusal(() => changeOwnPassword({ db: prisma, actor: me }, { currentPassword: "not my password!", password: NEW_PASSWORD }))).toEqual({
      status: 400,
      field: "currentPassword",
      key: "currentPasswordWrong",
    });
    expect(await refusal(() => changeOwnPassword({ db: prisma, actor: me }, { currentPassword: PASSWORD, password: "me" }))).toEqual({
      status: 400,
      field: "password",
      key: "passwordTooShort",
    });
    expect(await refusal(() => changeOwnPassword({ db: prisma, actor: me }, { currentPassword: PASSWORD, password: NEW_PASSWORD, extra: 1 }))).toMatchObject({
      status: 400,
      key: "unknownField",
    });

    expect(await changeOwnPassword({ db: prisma, actor: me, origin: ORIGIN }, { currentPassword: PASSWORD, password: NEW_PASSWORD }, here)).toEqual({ sessionsRevoked: 1 });
    expect((await prisma.session.findMany({ where: { userId: me.id } })).map((s) => s.token)).toEqual([here]);
    expect(await verifyPassword({ hash: await hashOf(me.id), password: NEW_PASSWORD })).toBe(true);
    const [event] = await prisma.auditEvent.findMany({ where: { action: "user.password-change", subject: me.id } });
    expect(event).toMatchObject({ actorUserId: me.id, ip: "203.0.113.9", detail: { email: "me@example.org", sessionsRevoked: 1 } });
    expect(JSON.stringify(event!.detail)).not.toContain(NEW_PASSWORD);
    await signIn("me@example.org", NEW_PASSWORD);
  });
});

describe("changing one's own name", () => {
  it("records the old and the new name", async () => {
    const me = await user("renamer@example.org");
    expect(await refusal(() => renameSelf({ db: prisma, actor: me }, { name: "   " }))).toMatchObject({ status: 400, field: "name", key: "required" });
    expect(await renameSelf({ db: prisma, actor: me, origin: ORIGIN }, { name: "  New Name " })).toEqual({ changed: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).name).toBe("New Name");
    const events = await prisma.auditEvent.findMany({ where: { action: "user.rename", subject: me.id } });
    expect(events.map((e) => [e.actorUserId, e.detail])).toEqual([[me.id, { from: "Original Name", to: "New Name" }]]);
    expect(await renameSelf({ db: prisma, actor: me, origin: ORIGIN }, { name: "New Name" })).toEqual({ changed: false });
  });
});

describe("a disabled user or an agency token", () => {
  it("changes neither password nor name, even with an actor loaded before the disabling", async () => {
    const stale = await user("disabled@example.org");
    const hash = await hashOf(stale.id);
    await disableUser({ db: prisma, actor: admin }, { userId: stale.id });
    const fresh = await loadActor(prisma, stale.id);
    for (const actor of [stale, fresh]) {
      expect(await refusal(() => changeOwnPassword({ db: prisma, actor }, { currentPassword: PASSWORD, password: NEW_PASSWORD }))).toEqual({ status: 403 });
      expect(await refusal(() => renameSelf({ db: prisma, actor }, { name: "Renamed While Disabled" }))).toEqual({ status: 403 });
    }
    expect(await hashOf(stale.id)).toBe(hash);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: stale.id } })).name).toBe("Original Name");
    expect(await prisma.auditEvent.count({ where: { action: { in: ["user.password-change", "user.rename"] }, subject: stale.id } })).toBe(0);

    const token: Actor = { ...admin, role: "clerk", via: "token", agencyIds: ["x"] };
    expect(await refusal(() => renameSelf({ db: prisma, actor: token }, { name: "Token" }))).toEqual({ status: 403 });
    expect(await refusal(() => renameSelf({ db: prisma, actor: null }, { name: "Nobody" }))).toEqual({ status: 401 });
  });
});

describe("the audit event and the change", () => {
  it("commit together: when the event cannot be written, nothing changes", async () => {
    const me = await user("atomic@example.org");
    const hash = await hashOf(me.id);
    await database.client.query(`
      CREATE FUNCTION test_refuse_self_service() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit trail unavailable'; END $$;
      CREATE TRIGGER test_refuse_self_service BEFORE INSERT ON audit_event FOR EACH ROW
        WHEN (NEW.action IN ('user.rename', 'user.password-change')) EXECUTE FUNCTION test_refuse_self_service();`);
    try {
      await expect(renameSelf({ db: prisma, actor: me }, { name: "Half Renamed" })).rejects.toThrow(/audit trail unavailable/);
      await expect(changeOwnPassword({ db: prisma, actor: me }, { currentPassword: PASSWORD, password: NEW_PASSWORD })).rejects.toThrow(/audit trail unavailable/);
    } finally {
      await database.client.query("DROP TRIGGER test_refuse_self_service ON audit_event; DROP FUNCTION test_refuse_self_service()");
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).name).toBe("Original Name");
    expect(await hashOf(me.id)).toBe(hash);
  });
});
