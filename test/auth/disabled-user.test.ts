/**
 * A disabled user (lib/server/admin/disable-user.ts) cannot sign in — by the form's path (auth.api) or
 * over HTTP (better-auth's handler with real Requests) — is told why, and holds no session; and
 * better-auth's own endpoints that would change a password or a name, unaudited and without
 * asking whether the account is disabled, are closed over HTTP and refused server-side.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIError } from "better-auth/api";
import { verifyPassword } from "better-auth/crypto";
import { createTranslator } from "next-intl";
import { changeUserAccess } from "@/lib/server/admin/change-user-access";
import { disableUser } from "@/lib/server/admin/disable-user";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createAuth, type Auth } from "@/lib/server/auth/server";
import { signInRefused } from "@/lib/server/auth/sign-in-outcome";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import en from "@/messages/en/admin.json";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/auth/request-origin";

let database: TestDatabase;
let prisma: PrismaClient;
let auth: Auth;
let admin: Actor;
const PASSWORD = "a long enough passphrase";
const BASE = "http://localhost:3000/api/auth";

function headersFrom(ip: string, cookie?: string): Headers {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: ip, "user-agent": "vitest", origin: "http://localhost:3000", "content-type": "application/json" });
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

/** A real HTTP request through better-auth's handler. */
function call(path: string, options: { ip: string; cookie?: string; body?: unknown; method?: string }): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  return auth.handler(
    new Request(`${BASE}${path}`, { method, headers: headersFrom(options.ip, options.cookie), body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
  );
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function httpSignIn(email: string, ip: string): Promise<string> {
  const response = await call("/sign-in/email", { ip, body: { email, password: PASSWORD } });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

async function newUser(email: string): Promise<string> {
  return (await createUser(prisma, { email, name: "Original Name", password: PASSWORD, role: "clerk" })).id;
}

async function passwordHash(userId: string): Promise<string> {
  return (await prisma.account.findFirstOrThrow({ where: { userId, providerId: "credential" } })).password!;
}

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

describe("a disabled user", () => {
  it("cannot sign in with the right password and is told the account is disabled", async () => {
    const id = await newUser("gone@example.org");
    await auth.api.signInEmail({ body: { email: "gone@example.org", password: PASSWORD }, headers: headersFrom("192.0.2.1") });
    await disableUser({ db: prisma, actor: admin }, { userId: id });
    expect(await prisma.session.count({ where: { userId: id } })).toBe(0);

    // The form's path (the server action calls auth.api).
    const error = await auth.api.signInEmail({ body: { email: "gone@example.org", password: PASSWORD }, headers: headersFrom("192.0.2.1") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).statusCode).toBe(403);
    const state = signInRefused(error, "gone@example.org")!;
    expect(state.error).toBe("disabled");
    expect(createTranslator({ locale: "en", messages: en, namespace: "admin" })("errorDisabled")).toMatch(/disabled.*administrator/);

    // Over HTTP.
    const response = await call("/sign-in/email", { ip: "192.0.2.2", body: { email: "gone@example.org", password: PASSWORD } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "ACCOUNT_DISABLED" });
    expect(response.headers.getSetCookie().some((c) => c.includes("session_token=") && !c.includes("session_token=;"))).toBe(false);

    expect(await prisma.session.count({ where: { userId: id } })).toBe(0);
    // Recorded, and not as a guess: the password was right.
    expect(await prisma.auditEvent.count({ where: { action: "sign-in.disabled", subject: "gone@example.org" } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: "sign-in.failed", subject: "gone@example.org" } })).toBe(0);
    // A wrong password says only that it is wrong.
    expect((await call("/sign-in/email", { ip: "192.0.2.3", body: { email: "gone@example.org", password: "not the password at all" } })).status).toBe(401);

    // A role given back enables the account again.
    await changeUserAccess({ db: prisma, actor: admin }, { userId: id, role: "auditor", agencyIds: [] });
    await httpSignIn("gone@example.org", "192.0.2.4");
  });

  it("holds no session: the one they had stops working, and the database refuses a new one", async () => {
    const id = await newUser("ended@example.org");
    const cookie = await httpSignIn("ended@example.org", "192.0.2.10");
    const before = await call("/get-session", { ip: "192.0.2.10", cookie });
    expect((await before.json())?.user?.email).toBe("ended@example.org");
    await disableUser({ db: prisma, actor: admin }, { userId: id });
    const after = await call("/get-session", { ip: "192.0.2.10", cookie });
    expect(await after.json()).toBeNull();
    await expect(prisma.session.create({ data: { id: "raced", token: "raced-token", userId: id, expiresAt: new Date(Date.now() + 3_600_000) } })).rejects.toThrow(/disabled/);
  });
});

describe("better-auth's endpoints that change a password or a name", () => {
  it("answer 404 over HTTP, even to a signed-in user, and change nothing", async () => {
    const id = await newUser("direct@example.org");
    const cookie = await httpSignIn("direct@example.org", "192.0.2.20");
    const hash = await passwordHash(id);
    const attempts: [string, unknown][] = [
      ["/change-password", { currentPassword: PASSWORD, newPassword: "a brand new passphrase", revokeOtherSessions: true }],
      ["/set-password", { newPassword: "a brand new passphrase" }],
      ["/update-user", { name: "Renamed Over HTTP" }],
      ["/change-email", { newEmail: "other@example.org" }],
      ["/delete-user", {}],
      ["/request-password-reset", { email: "direct@example.org" }],
      ["/reset-password", { newPassword: "a brand new passphrase", token: "x" }],
      ["/revoke-sessions", {}],
      ["/update-session", {}],
      ["/sign-up/email", { email: "new@example.org", password: PASSWORD, name: "New" }],
    ];
    for (const [path, body] of attempts) {
      const response = await call(path, { ip: "192.0.2.20", cookie, body });
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.json()).toMatchObject({ error: { code: "not-found" } });
    }
    // Encoded or re-cased spellings of a closed path are not a way around.
    for (const path of ["/change%2Dpassword", "/Change-Password", "/update-user/", "//update-user"]) {
      expect([path, (await call(path, { ip: "192.0.2.20", cookie, body: { name: "Sneaky" } })).status]).toEqual([path, 404]);
    }
    expect((await call("/list-sessions", { ip: "192.0.2.20", cookie })).status).toBe(404);
    expect(await passwordHash(id)).toBe(hash);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).name).toBe("Original Name");
    // What Gongshi uses still answers.
    expect((await (await call("/get-session", { ip: "192.0.2.20", cookie })).json()).user.name).toBe("Original Name");
    expect((await call("/sign-out", { ip: "192.0.2.20", cookie, body: {} })).status).toBe(200);
  });

  it("are refused when called server-side too", async () => {
    const id = await newUser("server-side@example.org");
    const cookie = await httpSignIn("server-side@example.org", "192.0.2.30");
    const hash = await passwordHash(id);
    const headers = headersFrom("192.0.2.30", cookie);
    await expect(auth.api.changePassword({ body: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, headers })).rejects.toThrow(/account page/);
    await expect(auth.api.updateUser({ body: { name: "Renamed" }, headers })).rejects.toThrow(/account page/);
    expect(await passwordHash(id)).toBe(hash);
    expect(await verifyPassword({ hash, password: PASSWORD })).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).name).toBe("Original Name");
  });
});
