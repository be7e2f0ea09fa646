/**
 * The demo seed replays the demo's history (lib/server/seed/demo-timeline.ts): every version enters
 * the log after it was published and on the same day, in log order, each at its own time; every
 * amendment and correction is logged with its reason; seeding twice adds nothing; and
 * nothing but the seed may set the log's clock.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { commitPendingAsOfForDemo } from "@/lib/server/log-service/commit-pending";
import { DEMO_NOTICES, DEMO_REFERENCE_DATE } from "@/lib/server/seed/demo-notices";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { testLogConfig } from "../log-service/fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in Haiping (UTC+8) of an instant, YYYY-MM-DD. */
const haipingDay = (d: Date) => new Date(d.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

let database: TestDatabase;
let prisma: PrismaClient;
const config = testLogConfig();

type Row = {
  index: bigint;
  logged_at: Date;
  notice_id: string | null;
  version: number | null;
  kind: string | null;
  created_at: Date | null;
  body: string | null;
  covered_at: Date;
};
const rows = () =>
  prisma.$queryRawUnsafe<Row[]>(
    `SELECT e.index, e.logged_at, v.notice_id, v.version, v.kind, v.created_at, v.fields->>'body' AS body,
            (SELECT c.created_at FROM checkpoint c WHERE c.size > e.index ORDER BY c.size LIMIT 1) AS covered_at
       FROM log_entry e LEFT JOIN notice_version v ON v.id = e.notice_version_id ORDER BY e.index`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await seedDemo(prisma, config);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("the demo seed's timeline", () => {
  it("logs every version after it was published, on the same day, in log order, each at its own time", async () => {
    const entries = await rows();
    const versions = entries.filter((e) => e.notice_id !== null);
    expect(versions.length).toBe(DEMO_NOTICES.reduce((n, notice) => n + notice.versions.length, 0));
    for (const e of versions) {
      const where = `${e.notice_id} v${e.version} (#${e.index})`;
      expect(e.logged_at.getTime(), where).toBeGreaterThanOrEqual(e.created_at!.getTime());
      expect(haipingDay(e.logged_at), where).toBe(haipingDay(e.created_at!));
      // The checkpoint that first covers the entry was signed when it was logged, not later.
      expect(e.covered_at.getTime(), where).toBe(e.logged_at.getTime());
    }
    for (let i = 1; i < entries.length; i++) {
      expect(entries[i]!.logged_at.getTime(), `#${i}`).toBeGreaterThanOrEqual(entries[i - 1]!.logged_at.getTime());
    }
    expect(new Set(versions.map((e) => e.logged_at.getTime())).size).toBe(versions.length);
    // The history spans months, not one minute.
    expect(versions.at(-1)!.logged_at.getTime() - versions[0]!.logged_at.getTime()).toBeGreaterThan(200 * DAY_MS);
  });

  it("publishes each version on the day the demo data gives, counted from the reference date", async () => {
    const reference = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
    const byKey = new Map((await rows()).filter((e) => e.notice_id).map((e) => [`${e.notice_id}/${e.version}`, e]));
    for (const notice of DEMO_NOTICES) {
      for (const [i, version] of notice.versions.entries()) {
        const expected = new Date(reference - (notice.daysAgo - (version.daysAfterFirst ?? 0)) * DAY_MS).toISOString().slice(0, 10);
        expect(haipingDay(byKey.get(`${notice.id}/${i + 1}`)!.created_at!), `${notice.id} v${i + 1}`).toBe(expected);
      }
    }
  });

  it("logs every amendment and correction with its reason, and no reason with a first version", async () => {
    const versions = await prisma.noticeVersion.findMany({ select: { noticeId: true, version: true, kind: true, fields: true } });
    const revisions = versions.filter((v) => v.kind === "amend" || v.kind === "correct");
    expect(revisions.length).toBeGreaterThanOrEqual(15);
    for (const v of revisions) expect((v.fields as Record<string, string>).reason, `${v.noticeId} v${v.version}`).toMatch(/\S/);
    for (const v of versions.filter((v) => v.kind === "publish")) expect((v.fields as Record<string, string>).reason, v.noticeId).toBeUndefined();
  });

  it("ends with the redactions at the real time, and adds nothing when run again", async () => {
    const before = await rows();
    const last = before.at(-1)!;
    expect(last.notice_id).toBeNull();
    expect(Date.now() - last.logged_at.getTime()).toBeLessThan(DAY_MS);
    const checkpoints = await prisma.checkpoint.count();
    expect(await seedDemo(prisma, config)).toEqual({ notices: 0, size: before.length });
    expect((await rows()).length).toBe(before.length);
    expect(await prisma.checkpoint.count()).toBe(checkpoints);
  });
});

describe("the demo clock", () => {
  it("refuses a time in the future", async () => {
    await expect(commitPendingAsOfForDemo(prisma, config, new Date(Date.now() + DAY_MS))).rejects.toThrow(/not in the past/);
  });

  it("is used by the demo seed and nothing else", () => {
    const root = path.resolve(__dirname, "../..");
    const callers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx|mjs)$/.test(name) && readFileSync(file, "utf8").includes("commitPendingAsOfForDemo")) callers.push(path.relative(root, file));
      }
    };
    for (const dir of ["app", "components", "lib", "scripts", "bin", "proxy.ts", "instrumentation.ts", "server.mjs"]) {
      const full = path.join(root, dir);
      if (statSync(full).isDirectory()) walk(full);
      else if (readFileSync(full, "utf8").includes("commitPendingAsOfForDemo")) callers.push(dir);
    }
    expect(callers.sort()).toEqual(["lib/server/log-service/commit-pending.ts", "lib/server/seed/seed-demo.ts"]);
  });
});
