/**
 * `npm run log:export`: the log written as static C2SP tlog-tiles files, served by a real nginx
 * and checked by the independent verifier of the e2e support (which shares no code with
 * lib/core/log): first a small log, then incrementally after it grows past a full tile. The exporter
 * refuses what does not check out and then leaves the served checkpoint as it was.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { exportLog } from "@/lib/server/log-service/export-log";
import { generateKey } from "@/lib/core/log";
import { verifyTiledLog } from "@/e2e/support/independent-verifier";
import { publishSample, setUp, testLogConfig } from "./fixtures";
import { serveWithNginx, type StaticServer } from "./static-server";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
let dir: string;
let nginx: StaticServer;

async function files(root: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await files(root, path)));
    else out.push(path);
  }
  return out.sort();
}

beforeAll(async () => {
  ctx = await setUp();
  dir = await mkdtemp(join(tmpdir(), "gongshi-export-"));
  nginx = await serveWithNginx(dir);
});
afterAll(async () => {
  await nginx?.stop();
  await rm(dir, { recursive: true, force: true });
  await ctx.tearDown();
});

describe("log:export", () => {
  it("writes a small log as tlog-tiles files that nginx serves and an independent verifier accepts", async () => {
    for (const id of ["E1", "E2", "E3"]) await publishSample(ctx.prisma, id);
    await commitPending(ctx.prisma, config);
    const result = await exportLog(ctx.prisma, dir, config.verifierKey);
    expect(result).toMatchObject({ size: 3, previousSize: 0, tiles: 1, bundles: 1, checkpointWritten: true });
    expect(await files(dir)).toEqual(["checkpoint", "tile/0/000.p/3", "tile/entries/000.p/3"]);
    const served = await verifyTiledLog(nginx.url, config.verifierKey);
    expect(served.checkpoint.size).toBe(3);
    const entries = await ctx.prisma.logEntry.findMany({ orderBy: { index: "asc" } });
    expect(served.leaves.map((l) => l.toString("base64"))).toEqual(entries.map((e) => Buffer.from(e.leaf).toString("base64")));
    const checkpoint = await fetch(new URL("checkpoint", nginx.url));
    expect(checkpoint.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await checkpoint.text()).toBe((await ctx.prisma.checkpoint.findFirstOrThrow({ orderBy: { size: "desc" } })).note);
  });

  it("adds only what the log grew by, past a full tile and into level 1, and nothing when it has not grown", async () => {
    for (let i = 0; i < 300; i++) await publishSample(ctx.prisma, `G${i}`);
    await commitPending(ctx.prisma, config);
    const result = await exportLog(ctx.prisma, dir, config.verifierKey);
    expect(result).toMatchObject({ size: 303, previousSize: 3, bundles: 2, checkpointWritten: true });
    expect(await files(dir)).toEqual([
      "checkpoint",
      "tile/0/000",
      "tile/0/000.p/3",
      "tile/0/001.p/47",
      "tile/1/000.p/1",
      "tile/entries/000",
      "tile/entries/000.p/3",
      "tile/entries/001.p/47",
    ]);
    expect((await verifyTiledLog(nginx.url, config.verifierKey)).checkpoint.size).toBe(303);
    expect(await exportLog(ctx.prisma, dir, config.verifierKey)).toMatchObject({ size: 303, previousSize: 303, tiles: 0, bundles: 0, checkpointWritten: false });
  });

  it("the independent verifier notices a served tile that was changed", async () => {
    const path = join(dir, "tile/0/000");
    const original = await readFile(path);
    const changed = Buffer.from(original);
    changed[100] = changed[100]! ^ 1;
    await writeFile(path, changed);
    try {
      await expect(verifyTiledLog(nginx.url, config.verifierKey)).rejects.toThrow(/tile 0\/000 does not hold/);
    } finally {
      await writeFile(path, original);
    }
  });

  it("refuses a stored tile that does not match its entries, and leaves the exported checkpoint as it was", async () => {
    await publishSample(ctx.prisma, "BAD");
    await commitPending(ctx.prisma, config);
    const before = await readFile(join(dir, "checkpoint"), "utf8");
    const database = ctx.database.client;
    await database.query("BEGIN");
    await database.query("SET LOCAL session_replication_role = replica");
    await database.query(`UPDATE tree_tile SET data = set_byte(data, 0, get_byte(data, 0) # 1) WHERE level = 0 AND n = 1`);
    await database.query("COMMIT");
    await expect(exportLog(ctx.prisma, dir, config.verifierKey)).rejects.toThrow(/hash 0 is not the hash of entry 256/);
    expect(await readFile(join(dir, "checkpoint"), "utf8")).toBe(before);
    await database.query("BEGIN");
    await database.query("SET LOCAL session_replication_role = replica");
    await database.query(`UPDATE tree_tile SET data = set_byte(data, 0, get_byte(data, 0) # 1) WHERE level = 0 AND n = 1`);
    await database.query("COMMIT");
    expect((await exportLog(ctx.prisma, dir, config.verifierKey)).size).toBe(304);
  });

  it("refuses a directory holding another log, and a key the checkpoint does not verify under", async () => {
    const other = generateKey("other.example/log");
    await expect(exportLog(ctx.prisma, dir, other.verifierKey)).rejects.toThrow(/signature|verif|key/i);
    const elsewhere = await mkdtemp(join(tmpdir(), "gongshi-export-other-"));
    try {
      await writeFile(join(elsewhere, "checkpoint"), "not a checkpoint\n");
      await expect(exportLog(ctx.prisma, elsewhere, config.verifierKey)).rejects.toThrow(/is not a checkpoint of this log's key/);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("runs as `npm run log:export -- DIR --follow`, following commits until stopped; usage errors exit 2", async () => {
    const env = { ...process.env, DATABASE_URL: ctx.database.url, LOG_SIGNER_KEY: config.signerKey, LOG_ORIGIN: config.origin };
    const fresh = await mkdtemp(join(tmpdir(), "gongshi-export-cli-"));
    // tsx itself, not npx: tsx passes SIGTERM on to the script and exits with its status.
    const tsx = "node_modules/.bin/tsx";
    const cli = ["--conditions=react-server", "scripts/log-export.ts"];
    try {
      const follower = spawn(tsx, [...cli, fresh, "--follow", "--interval", "0.2"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      follower.stdout.on("data", (chunk) => (output += chunk));
      follower.stderr.on("data", (chunk) => (output += chunk));
      await expect.poll(() => output, { timeout: 60_000 }).toMatch(/at size 304 \(was 0\)/);
      await publishSample(ctx.prisma, "FOLLOWED");
      await commitPending(ctx.prisma, config);
      await expect.poll(() => output, { timeout: 30_000 }).toMatch(/at size 305 \(was 304\): 1 tile\(s\), 1 entry bundle\(s\), checkpoint written/);
      const exited = new Promise<number | null>((resolve) => follower.once("exit", resolve));
      follower.kill("SIGTERM");
      expect(await exited).toBe(0);
      // A second nginx is not needed: the followed folder is checked as files, through the first one's root.
      await rm(dir, { recursive: true, force: true });
      await cp(fresh, dir, { recursive: true });
      expect((await verifyTiledLog(nginx.url, config.verifierKey)).checkpoint.size).toBe(305);

      const usage = await promisify(execFile)(tsx, cli, { env }).catch((e) => e);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/usage: npm run log:export -- DIR/);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
