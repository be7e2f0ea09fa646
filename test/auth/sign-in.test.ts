/**
 * Sign-in through better-auth on a real database: sessions are stored in PostgreSQL, every
 * success and failure lands in the audit trail, guessing is slowed per address and per account
 * without letting a stranger lock the owner out (lib/server/auth/sign-in-throttle.ts), and accounts are
 * created only under the password rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIError } from "better-auth/api";
import { createAuth, type Auth } from "@/lib/server/auth/server";
import { createUser } from "@/lib/server/auth/create-user";
import { passwordProblem } from "@/lib/server/auth/password-policy";
import { ACCOUNT_LIMIT, FREE_PER_ACCOUNT, FREE_PER_CLIENT } from "@/lib/server/auth/sign-in-throttle";
import { createPrisma } from "@/lib/server/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/auth/request-origin";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/harness";

let database: TestDatabase;
let prisma: PrismaClient;
let auth: Auth;
const PASSWORD = "a long enough passphrase";

function fromAddress(ip: string): Headers {
  return new Headers({ [CLIENT_ADDRESS_HEADER]: ip, "user-agent": "vitest", origin: "http://localhost:3000" });
}

async function signIn(email: string, password: string, ip = "192.0.2.1"): Promise<number> {
  return (await signInAnswer(email, password, ip)).status;
}

async function signInAnswer(email: string, password: string, ip: string): Promise<{ status: number; error?: APIError }> {
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: fromAddress(ip) });
    return { status: 200 };
  } catch (error) {
    if (error instanceof APIError) return { status: error.statusCode, error };
    throw error;
  }
}

/** Failures recorded earlier, one minute apart, ending a minute ago. */
async function seedFailures(email: string, ip: string, count: number): Promise<void> {
  const now = Date.now();
  await prisma.auditEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      action: "sign-in.failed",
      subject: email,
      ip,
      at: new Date(now - (count - i) * 60_000),
      detail: { reason: "INVALID_EMAIL_OR_PASSWORD" },
    })),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  auth = createAuth(prisma, { secret: "test-secret-test-secret-test-secret!", baseURL: "http://localhost:3000", production: false });
  await createUser(prisma, { email: "Clerk@Example.org", name: "Clerk", password: PASSWORD, role: "clerk" });
  await createUser(prisma, { email: "target@example.org", name: "Target", password: PASSWORD, role: "clerk" });
  await createUser(prisma, { email: "spread@example.org", name: "Spread", password: PASSWORD, role: "clerk" });
  await createUser(prisma, { email: "typist@example.org", name: "Typist", password: PASSWORD, role: "clerk" });
  await createUser(prisma, { email: "guessed@example.org", name: "Guessed", password: PASSWORD, role: "clerk" });
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
    expect(failures.map((f) => [f.subject, f.actorUserId])).toEqual([
      ["clerk@example.org", null],
      ["nobody@example.org", null],
    ]);
  });

  it("a stranger's failures from one address do not stop the right password from another", async () => {
    // Every attempt the back-off lets through from 203.0.113.1, each a failure…
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await signIn("target@example.org", `wrong password ${i}`, "203.0.113.1"));
    expect(answers.slice(0, FREE_PER_ACCOUNT)).toEqual(Array(FREE_PER_ACCOUNT).fill(401));
    expect(answers.slice(FREE_PER_ACCOUNT)).toEqual(Array(20 - FREE_PER_ACCOUNT).fill(429));
    // …and 20 failures in all, as if the stranger had waited out each back-off.
    await seedFailures("target@example.org", "203.0.113.1", 20 - FREE_PER_ACCOUNT);
    expect(await prisma.auditEvent.count({ where: { action: "sign-in.failed", subject: "target@example.org", ip: "203.0.113.1" } })).toBe(20);
    // The owner, elsewhere, gets in; the stranger's address does not, even with the password.
    expect(await signIn("target@example.org", PASSWORD, "198.51.100.20")).toBe(200);
    expect(await signIn("target@example.org", PASSWORD, "203.0.113.1")).toBe(429);
    expect(await signIn("clerk@example.org", PASSWORD, "198.51.100.21")).toBe(200);
  });

  it("backs off one address guessing an account exponentially, saying how long to wait", async () => {
    for (let i = 0; i < FREE_PER_ACCOUNT; i++) expect(await signIn("guessed@example.org", `wrong password ${i}`, "192.0.2.50")).toBe(401);
    const refused = await signInAnswer("guessed@example.org", PASSWORD, "192.0.2.50");
    expect(refused.status).toBe(429);
    expect(refused.error!.body).toMatchObject({ code: "SIGN_IN_BACKOFF", retryAfterSeconds: 1 });
    expect(new Headers(refused.error!.headers).get("retry-after")).toBe("1");
    expect(refused.error!.message).toMatch(/try again in 1 s/);
    const throttled = await prisma.auditEvent.findFirstOrThrow({ where: { action: "sign-in.throttled", ip: "192.0.2.50" } });
    expect(throttled.detail).toEqual({ reason: "backoff", retryAfterSeconds: 1 });
    // Refused attempts are not failures: waiting is enough, hammering does not lengthen it.
    expect(await prisma.auditEvent.count({ where: { action: "sign-in.failed", ip: "192.0.2.50" } })).toBe(FREE_PER_ACCOUNT);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // After the wait one more try; it fails, and the next wait is twice as long.
    expect(await signIn("guessed@example.org", "wrong password again", "192.0.2.50")).toBe(401);
    const next = await signInAnswer("guessed@example.org", PASSWORD, "192.0.2.50");
    expect(next.error!.body).toMatchObject({ code: "SIGN_IN_BACKOFF", retryAfterSeconds: 2 });
    // The owner elsewhere is not held back.
    expect(await signIn("guessed@example.org", PASSWORD, "198.51.100.40")).toBe(200);
  });

  it("backs off one address spraying many accounts", async () => {
    for (let i = 0; i < FREE_PER_CLIENT; i++) expect(await signIn(`spray${i}@example.org`, "wrong password!!", "192.0.2.200")).toBe(401);
    const refused = await signInAnswer("clerk@example.org", PASSWORD, "192.0.2.200");
    expect(refused.error!.body).toMatchObject({ code: "SIGN_IN_BACKOFF", retryAfterSeconds: 1 });
    expect(await signIn("clerk@example.org", PASSWORD, "192.0.2.201")).toBe(200);
  });

  it("limits guessing spread over many addresses, and the owner at a clean address still gets in", async () => {
    for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await signIn("spread@example.org", `wrong password ${i}`, `198.18.0.${i}`)).toBe(401);
    // Each guessing address has one failure, below the back-off, but the account is now
    // limited: an address with failures may not try it, not even with the right password.
    const limited = await signInAnswer("spread@example.org", PASSWORD, "198.18.0.1");
    expect(limited.status).toBe(429);
    expect(limited.error!.body).toMatchObject({ code: "SIGN_IN_ACCOUNT_LIMIT" });
    expect(Number(limited.error!.body!.retryAfterSeconds)).toBeGreaterThan(23 * 3600);
    // The same address may still sign in to another account it has not failed.
    expect(await signIn("clerk@example.org", PASSWORD, "198.18.0.1")).toBe(200);
    // The owner, at an address without failures, gets in.
    expect(await signIn("spread@example.org", PASSWORD, "198.51.100.30")).toBe(200);
  });

  it("forgives an address's failures at an account once it signs in to that account", async () => {
    const answers = [];
    for (const password of ["a typo in it!!", "another typo!!", PASSWORD, "a third typo!!", "a fourth typo!!", PASSWORD]) {
      answers.push(await signIn("typist@example.org", password, "192.0.2.77"));
    }
    expect(answers).toEqual([401, 401, 200, 401, 401, 200]);
  });

  it("has no self sign-up", async () => {
    await expect(auth.api.signUpEmail({ body: { email: "new@example.org", password: PASSWORD, name: "New" }, headers: fromAddress("192.0.2.9") })).rejects.toThrow();
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
    expect(await prisma.auditEvent.count({ where: { action: "user.create" } })).toBe(5);
  });
});
