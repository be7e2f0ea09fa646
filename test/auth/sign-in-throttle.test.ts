/**
 * The sign-in throttle's rule on a real database (lib/server/auth/sign-in-throttle.ts): failures read
 * from the audit trail at a chosen moment, the exponential back-off per address, the account
 * limit that only binds addresses with failures, and the wait as the sign-in form words it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APIError } from "better-auth/api";
import { createTranslator } from "next-intl";
import { ACCOUNT_LIMIT, BACKOFF_MAX_MS, FREE_PER_ACCOUNT, FREE_PER_CLIENT, backoffMs, signInRefusal, WINDOW_MS } from "@/lib/server/auth/sign-in-throttle";
import { signInRefused, waitFor } from "@/lib/server/auth/sign-in-outcome";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import en from "@/messages/en/admin.json";
import zh from "@/messages/zh-CN/admin.json";
import { createTestDatabase, type TestDatabase } from "../db/harness";

let database: TestDatabase;
let prisma: PrismaClient;
const T0 = new Date("2026-12-01T08:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function fail(email: string, ip: string | null, when: Date): Promise<void> {
  await prisma.auditEvent.create({ data: { action: "sign-in.failed", subject: email, ip, at: when } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("per-address back-off", () => {
  it("doubles the wait with every failure past the free ones, up to an hour", () => {
    expect([0, 1, 2].map((n) => backoffMs(n, 3))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 8].map((n) => backoffMs(n, 3))).toEqual([1000, 2000, 4000, 32000]);
    expect(backoffMs(60, 3)).toBe(BACKOFF_MAX_MS);
  });

  it("holds back an address guessing one account, not other addresses nor its other accounts", async () => {
    const ip = "192.0.2.10";
    const email = "x@example.org";
    const n = FREE_PER_ACCOUNT + 3;
    for (let i = 0; i < n; i++) await fail(email, ip, at(i * 100));
    const last = at((n - 1) * 100);
    const wait = backoffMs(n, FREE_PER_ACCOUNT) / 1000; // 8 s
    const later = (ms: number) => new Date(last.getTime() + ms);
    expect(await signInRefusal(prisma, { email, ip }, later(1000))).toEqual({ reason: "backoff", retryAfterSeconds: wait - 1 });
    expect(await signInRefusal(prisma, { email, ip }, later(wait * 1000))).toBeNull();
    expect(await signInRefusal(prisma, { email, ip: "192.0.2.11" }, later(1000))).toBeNull();
    expect(await signInRefusal(prisma, { email: "colleague@example.org", ip }, later(1000))).toBeNull();
    // Failures older than the window are forgotten.
    expect(await signInRefusal(prisma, { email, ip }, later(WINDOW_MS + 1000))).toBeNull();
  });

  it("holds back an address spraying many accounts, at every account", async () => {
    const ip = "192.0.2.12";
    const n = FREE_PER_CLIENT + 2;
    for (let i = 0; i < n; i++) await fail(`sprayed${i}@example.org`, ip, at(500 + i));
    expect(await signInRefusal(prisma, { email: "fresh@example.org", ip }, at(500 + n - 1))).toEqual({
      reason: "backoff",
      retryAfterSeconds: backoffMs(n, FREE_PER_CLIENT) / 1000,
    });
  });

  it("treats requests without an address as one client", async () => {
    for (let i = 0; i < FREE_PER_ACCOUNT; i++) await fail("anon@example.org", null, at(1000 + i));
    expect(await signInRefusal(prisma, { email: "anon@example.org", ip: null }, at(1000 + FREE_PER_ACCOUNT - 1))).toEqual({ reason: "backoff", retryAfterSeconds: 1 });
  });
});

describe("per-account limit", () => {
  it("binds addresses with recent failures once the account has too many, never a clean one", async () => {
    const email = "victim@example.org";
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await fail(email, `198.18.1.${i}`, at(2000 + i));
    const later = at(3000);
    expect(await signInRefusal(prisma, { email, ip: "198.18.1.0" }, later)).toBeNull();
    await fail(email, "198.18.1.99", at(2100));
    expect(await signInRefusal(prisma, { email, ip: "198.18.1.0" }, later)).toEqual({ reason: "account-limit", retryAfterSeconds: WINDOW_MS / 1000 - 1000 });
    expect(await signInRefusal(prisma, { email, ip: "198.51.100.1" }, later)).toBeNull();
    // An address that failed only at other accounts is clean for this one.
    await fail("someone-else@example.org", "198.51.100.2", at(2200));
    expect(await signInRefusal(prisma, { email, ip: "198.51.100.2" }, later)).toBeNull();
  });

  it("forgives an address's failures on an account once that address signs in to it", async () => {
    const email = "owner@example.org";
    for (let i = 0; i < ACCOUNT_LIMIT; i++) await fail(email, "198.18.2.1", at(4000 + i * 3600));
    expect(await signInRefusal(prisma, { email, ip: "198.18.2.1" }, at(4000 + ACCOUNT_LIMIT * 3600))).not.toBeNull();
    await prisma.auditEvent.create({ data: { action: "sign-in", subject: email, ip: "198.18.2.1", at: at(4000 + ACCOUNT_LIMIT * 3600 + 1) } });
    expect(await signInRefusal(prisma, { email, ip: "198.18.2.1" }, at(4000 + ACCOUNT_LIMIT * 3600 + 2))).toBeNull();
  });
});

describe("the wait, as the sign-in form says it", () => {
  const error = (code: string, retryAfterSeconds: number) => new APIError("TOO_MANY_REQUESTS", { code, message: "x", retryAfterSeconds });

  it("rounds up to seconds, minutes or hours", () => {
    expect([1, 119, 120, 121, 7199, 7200, 86_399].map(waitFor)).toEqual([
      { unit: "second", n: 1 },
      { unit: "second", n: 119 },
      { unit: "minute", n: 2 },
      { unit: "minute", n: 3 },
      { unit: "minute", n: 120 },
      { unit: "hour", n: 2 },
      { unit: "hour", n: 24 },
    ]);
  });

  it("is worded in English and Chinese", () => {
    const backoff = signInRefused(error("SIGN_IN_BACKOFF", 2), "a@example.org")!;
    const limited = signInRefused(error("SIGN_IN_ACCOUNT_LIMIT", 20 * 3600), "a@example.org")!;
    expect(backoff).toEqual({ error: "throttled", email: "a@example.org", wait: { unit: "second", n: 2 } });
    expect(limited).toEqual({ error: "accountLimited", email: "a@example.org", wait: { unit: "hour", n: 20 } });
    const say = (locale: string, messages: typeof en, state: typeof backoff, key: "errorThrottled" | "errorAccountLimited") => {
      const t = createTranslator({ locale, messages, namespace: "admin" });
      return t(key, { wait: t("waitDuration", { ...state.wait! }) });
    };
    expect(say("en", en, backoff, "errorThrottled")).toBe("Too many failed sign-ins from this network. Try again in 2 seconds.");
    expect(say("en", en, limited, "errorAccountLimited")).toContain("from here again in 20 hours.");
    expect(say("zh-CN", zh, backoff, "errorThrottled")).toBe("此网络登录失败次数过多，请 2 秒后再试。");
    expect(say("zh-CN", zh, limited, "errorAccountLimited")).toContain("20 小时后从此处再试");
  });
});
