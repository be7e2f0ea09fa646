/**
 * Sign-in through better-auth on a real database: sessions are stored in PostgreSQL, every
 * success and failure lands in the audit trail, a burst of wrong passwords is throttled (429)
 * even for the right password, and accounts are created only under the password rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIError } from "better-auth/api";
import { createAuth, type Auth } from "@/lib/auth/server";
import { createUser } from "@/lib/auth/create-user";
import { passwordProblem } from "@/lib/auth/password-policy";
import { MAX_FAILURES_PER_EMAIL } from "@/lib/auth/sign-in-throttle";
import { createPrisma } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/request-origin";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/harness";

let database: TestDatabase;
let prisma: PrismaClient;
let auth: Auth;
const PASSWORD = "a long enough passphrase";

function fromAddress(ip: string): Headers {
  return new Headers({ [CLIENT_ADDRESS_HEADER]: ip, "user-agent": "vitest", origin: "http://localhost:3000" });
}

async function signIn(email: string, password: string, ip = "192.0.2.1"): Promise<number> {
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: fromAddress(ip) });
    return 200;
  } catch (error) {
    if (error instanceof APIError) return error.statusCode;
    throw error;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  auth = createAuth(prisma, { secret: "test-secret-test-secret-test-secret!", baseURL: "http://localhost:3000", production: false });
  await createUser(prisma, { email: "Clerk@Example.org", name: "Clerk", password: PASSWORD, role: "clerk" });
  await createUser(prisma, { email: "target@example.org", name: "Target", password: PASSWORD, role: "clerk" });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("sign-in", () => {
  it("signs in with the right password, stores the session and records who, when, from where", async () => {
    expect(await signIn("clerk@example.org", PASSWORD, "198.51.100.7")).toBe(200);
    expect(await prisma.session.count()).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "sign-in" } });
    expect(event).toMatchObject({ subject: "clerk@example.org", ip: "198.51.100.7", userAgent: "vitest" });
    expect(event.actorUserId).toBe((await prisma.user.findUniqueOrThrow({ where: { email: "clerk@example.org" } })).id);
  });

  it("refuses a wrong password with 401 and records the failure", async () => {
    expect(await signIn("clerk@example.org", "not the password at all")).toBe(401);
    expect(await signIn("nobody@example.org", "not the password at all")).toBe(401);
    const failures = await prisma.auditEvent.findMany({ where: { action: "sign-in.failed" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => [f.subject, f.actorUserId])).toEqual([["clerk@example.org", null], ["nobody@example.org", null]]);
  });

  it("throttles an account after a burst of wrong passwords, even from new addresses and with the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expect(await signIn("target@example.org", `wrong password ${i}`, `203.0.113.${i}`)).toBe(401);
    expect(await signIn("target@example.org", PASSWORD, "203.0.113.99")).toBe(429);
    expect(await prisma.auditEvent.count({ where: { action: "sign-in.throttled", subject: "target@example.org" } })).toBe(1);
    // Other accounts are unaffected.
    expect(await signIn("clerk@example.org", PASSWORD, "203.0.113.99")).toBe(200);
  });

  it("throttles one address spraying many accounts", async () => {
    for (let i = 0; i < 20; i++) await signIn(`spray${i}@example.org`, "wrong password!!", "192.0.2.200");
    expect(await signIn("clerk@example.org", PASSWORD, "192.0.2.200")).toBe(429);
  });

  it("has no self sign-up", async () => {
    await expect(
      auth.api.signUpEmail({ body: { email: "new@example.org", password: PASSWORD, name: "New" }, headers: fromAddress("192.0.2.9") }),
    ).rejects.toThrow();
    expect(await prisma.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });
});

describe("password rules", () => {
  it("require 12 characters and not the email or its local part", () => {
    expect(passwordProblem("short", "a@b.org")).toBe("too-short");
    expect(passwordProblem("x".repeat(129), "a@b.org")).toBe("too-long");
    expect(passwordProblem("Clerk.Wang@Example.org", "clerk.wang@example.org")).toBe("is-email");
    expect(passwordProblem("clerk.wang.hp", "clerk.wang.hp@example.org")).toBe("is-email");
    expect(passwordProblem("四个汉字四个汉字四个汉字", "a@b.org")).toBeNull();
  });

  it("are enforced when a user is created, and emails are unique regardless of case", async () => {
    await expect(createUser(prisma, { email: "p@example.org", name: "P", password: "too short", role: "auditor" })).rejects.toThrow(/12/);
    await expect(createUser(prisma, { email: "CLERK@example.org", name: "Dup", password: PASSWORD, role: "auditor" })).rejects.toThrow(/exists/);
    expect(await prisma.auditEvent.count({ where: { action: "user.create" } })).toBe(2);
  });
});
