/**
 * `npm run mirror:sync` killed with SIGKILL while it copies, again and again, from a real origin
 * over HTTP: after every kill the mirror holds exactly the checkpoints it finished, with every
 * entry, version and attachment of those and nothing of the one under way (no half-copied
 * version is ever visible), and a final run resumes and finishes with nothing lost or duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import { startTestOrigin, type TestOrigin } from "./origin-server";

const log = testLogConfig();
const CHECKPOINTS = [120, 600, 300];
let origin: Awaited<ReturnType<typeof setUp>>;
let server: TestOrigin;
let mirrorDb: TestDatabase;
let mirror: PrismaClient;

beforeAll(async () => {
  origin = await setUp();
  server = await startTestOrigin(origin.prisma);
  let n = 0;
  for (const count of CHECKPOINTS) {
    for (let i = 0; i < count; i++) await publishSample(origin.prisma, `K${n++}`);
    await commitPending(origin.prisma, log);
  }
  mirrorDb = await createTestDatabase();
  mirror = createPrisma(mirrorDb.url);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await mirror?.$disconnect();
  await mirrorDb?.drop();
  await origin?.tearDown();
});

/** Runs the CLI; kills it once the origin has served `afterRecords` more record pages. */
function runSync(afterRecords: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/mirror-sync.ts"], {
      env: { ...process.env, DATABASE_URL: mirrorDb.url, MIRROR_OF: server.url, MIRROR_LOG_KEY: log.verifierKey, LOG_SIGNER_KEY: "", MIRROR_SIGNER_KEY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const pagesBefore = server.requests.filter((p) => p === "/api/v1/log/records").length;
    const watch =
      afterRecords === null
        ? undefined
        : setInterval(() => {
            const pages = server.requests.filter((p) => p === "/api/v1/log/records").length - pagesBefore;
            if (pages >= afterRecords) child.kill("SIGKILL");
          }, 5);
    child.on("exit", (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, output });
    });
  });
}

/** The mirror's tables agree with its newest checkpoint: nothing beyond it, nothing missing. */
async function expectWholeCheckpoints(): Promise<number> {
  const head = await mirror.checkpoint.findFirst({ orderBy: { size: "desc" } });
  const size = head ? Number(head.size) : 0;
  expect([0, ...CHECKPOINTS.map((_, i) => CHECKPOINTS.slice(0, i + 1).reduce((a, b) => a + b, 0))]).toContain(size);
  expect(await mirror.logEntry.count()).toBe(size);
  expect(await mirror.noticeVersion.count()).toBe(size);
  expect(await mirror.notice.count()).toBe(size);
  expect(await mirror.attachment.count()).toBe(size);
  expect(await mirror.noticeSearch.count()).toBe(size);
  const [{ tiles }] = await mirror.$queryRawUnsafe<[{ tiles: bigint }]>("SELECT count(*) AS tiles FROM tree_tile WHERE level = 0");
  expect(Number(tiles)).toBe(Math.ceil(size / 256));
  return size;
}

describe("killing mirror:sync mid-copy", () => {
  it("never leaves a half-copied checkpoint, and resumes where it stopped", async () => {
    const sizes: number[] = [];
    let kills = 0;
    // Kill after 1, 2, 3 … pages: inside the first checkpoint, then inside the second.
    for (const pages of [1, 2, 1, 3, 2]) {
      const run = await runSync(pages);
      if (run.signal === "SIGKILL") kills++;
      else expect(run.code).toBe(0);
      sizes.push(await expectWholeCheckpoints());
    }
    // The kills did land mid-copy: several runs died, and the copy was still incomplete after them.
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(sizes[0]).toBeLessThan(1020);
    // Killed runs made progress checkpoint by checkpoint, never backwards.
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const final = await runSync(null);
    expect(final.code).toBe(0);
    expect(final.output).toContain("following");
    expect(await expectWholeCheckpoints()).toBe(1020);
    const state = await mirror.mirrorState.findUniqueOrThrow({ where: { id: 1 } });
    expect(state).toMatchObject({ state: "following", size: 1020n });
  });
});
