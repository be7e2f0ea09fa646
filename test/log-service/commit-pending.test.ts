/** The committer against real PostgreSQL: leaves, tiles, checkpoints and the chain. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeLeaf, openCheckpoint, proveConsistency, parseVerifierKey, sha256Hash, toBase64, toHex, utf8, verifyConsistency, type Hash } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { createPrisma } from "@/lib/server/db/client";
import { refMTH } from "../log/reference";
import { TileLog } from "../log/helpers";
import { ORIGIN, publishSample, setUp, testLogConfig } from "./fixtures";

const config = testLogConfig();
const verifier = parseVerifierKey(config.verifierKey);
let ctx: Awaited<ReturnType<typeof setUp>>;
beforeAll(async () => {
  ctx = await setUp();
});
afterAll(() => ctx.tearDown());

async function entries() {
  return ctx.prisma.logEntry.findMany({ orderBy: { index: "asc" } });
}

describe("commitPending", () => {
  it("does nothing and signs nothing when there is nothing pending", async () => {
    expect(await commitPending(ctx.prisma, config)).toEqual({ committed: 0, size: 0 });
    expect(await ctx.prisma.checkpoint.count()).toBe(0);
  });

  it("sequences pending versions in order and signs a checkpoint over the right root", async () => {
    for (let i = 1; i <= 5; i++) await publishSample(ctx.prisma, `N${i}`);
    expect(await commitPending(ctx.prisma, config)).toEqual({ committed: 5, size: 5 });
    const rows = await entries();
    expect(rows.map((r) => Number(r.index))).toEqual([0, 1, 2, 3, 4]);
    const leaf = decodeLeaf(rows[0]!.leaf);
    expect(leaf).toMatchObject({ kind: "publish", notice: "N1", agency: "hp-planning", version: 1, supersedes: null });
    const cp = await ctx.prisma.checkpoint.findUniqueOrThrow({ where: { size: 5n } });
    const { checkpoint } = openCheckpoint(cp.note, ORIGIN, [verifier]);
    expect(checkpoint.size).toBe(5);
    // An independent root: the naive RFC 6962 reference over the stored leaf hashes.
    expect(toHex(checkpoint.rootHash)).toBe(toHex(refMTH(rows.map((r) => r.leafHash))));
    expect(cp.prevHash).toBeNull();
    expect(await ctx.prisma.logQueue.count()).toBe(0);
  });

  it("links a later version to the log index of the one it supersedes, and chains checkpoints", async () => {
    await recordNoticeVersion(ctx.prisma, {
      noticeId: "N2",
      agencyId: "hp-planning",
      kind: "amend",
      fields: { title: "关于N2的公示（修订）", body: "新正文。", number: "海规〔2026〕N2号", category: "城乡规划", language: "zh-CN" },
    });
    expect(await commitPending(ctx.prisma, config)).toEqual({ committed: 1, size: 6 });
    const leaf = decodeLeaf((await entries())[5]!.leaf);
    expect(leaf).toMatchObject({ kind: "amend", notice: "N2", version: 2, supersedes: 1 });
    const [first, second] = await ctx.prisma.checkpoint.findMany({ orderBy: { size: "asc" } });
    expect(second!.prevHash).toBe(toBase64(sha256Hash(utf8(first!.note))));
  });

  it("never sequences a version twice when several committers race", async () => {
    for (let i = 6; i <= 45; i++) await publishSample(ctx.prisma, `N${i}`);
    const clients = Array.from({ length: 4 }, () => createPrisma(ctx.database.url));
    try {
      const results = await Promise.all(clients.flatMap((c) => [commitPending(c, config, 7), commitPending(c, config, 7)]));
      let total = results.reduce((sum, r) => sum + r.committed, 0);
      while ((await ctx.prisma.logQueue.count()) > 0) total += (await commitPending(ctx.prisma, config, 7)).committed;
      expect(total).toBe(40);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
    const rows = await entries();
    expect(rows.map((r) => Number(r.index))).toEqual(rows.map((_, i) => i));
    expect(new Set(rows.map((r) => r.noticeVersionId)).size).toBe(46);
  });

  it("keeps the whole chain valid: every checkpoint signed, linked and consistent with the next", async () => {
    const rows = await entries();
    const cps = await ctx.prisma.checkpoint.findMany({ orderBy: { size: "asc" } });
    let prev: { size: number; root: Hash; note: string } | null = null;
    for (const cp of cps) {
      const { checkpoint } = openCheckpoint(cp.note, ORIGIN, [verifier]);
      expect(toHex(checkpoint.rootHash)).toBe(toHex(refMTH(rows.slice(0, checkpoint.size).map((r) => r.leafHash))));
      if (prev) {
        expect(cp.prevHash).toBe(toBase64(sha256Hash(utf8(prev.note))));
        expect(checkpoint.size).toBeGreaterThan(prev.size);
      }
      prev = { size: checkpoint.size, root: checkpoint.rootHash, note: cp.note };
    }
    // Tiles: exactly one row per (level, n) survives, the widest, equal to a tree rebuilt in memory.
    const tiles = await ctx.prisma.treeTile.findMany();
    expect(new Set(tiles.map((t) => `${t.level}/${t.n}`)).size).toBe(tiles.length);
    const rebuilt = new TileLog();
    rebuilt.append(rows.map((r) => r.leafHash as Hash));
    for (const t of tiles) expect(toHex(t.data), `tile ${t.level}/${t.n}`).toBe(toHex(rebuilt.tile(t.level, Number(t.n))!.data));
    // Consecutive checkpoints are consistent, by proofs made from an independent in-memory tree.
    for (let i = 1; i < cps.length; i++) {
      const [a, b] = [openCheckpoint(cps[i - 1]!.note, ORIGIN, [verifier]).checkpoint, openCheckpoint(cps[i]!.note, ORIGIN, [verifier]).checkpoint];
      verifyConsistency(a.size, b.size, await proveConsistency(a.size, b.size, rebuilt.reader(b.size)), a.rootHash, b.rootHash);
    }
  });
});
