/**
 * The portal collects cosignatures from two real witnesses (bin/gongshi-witness.mjs over real
 * HTTP) against real PostgreSQL: after a commit, after several commits (consistency proofs the
 * witness checks), after the portal lost its record of a witness (409 recovery), and serves
 * them in the checkpoint, GET /api/v1/log's data and proof bundles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCheckpoint,
  parseSignatureLines,
  parseTlogProof,
  parseVerifierKey,
  parseCosignatureVerifierKey,
  verifyCosignatures,
  verifyTlogProof,
  type WitnessPolicy,
} from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { requireCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { getLogInfo } from "@/lib/server/log-service/get-log-info";
import { requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";
import { witnessAll } from "@/lib/server/witnessing/witness-all";
import { buildNoticeBundles, buildProofBundle } from "@/lib/server/verify-service/build-proof-bundle";
import { ORIGIN, publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import { policyFor, realWitness, removeWitnessDirs, type TestWitness } from "./fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
let daily: TestWitness;
let archives: TestWitness;
let both: WitnessPolicy;
let dailyOnly: WitnessPolicy;

beforeAll(async () => {
  ctx = await setUp();
  [daily, archives] = await Promise.all([
    realWitness("海平日报", "daily.haiping.example", { origin: ORIGIN, verifierKey: config.verifierKey }),
    realWitness("海平市档案馆", "archives.haiping.example", { origin: ORIGIN, verifierKey: config.verifierKey }),
  ]);
  both = policyFor(config.verifierKey, [daily, archives], "group both all 海平日报 海平市档案馆");
  // The same quorum, but only the daily is reachable: the archives have no URL.
  dailyOnly = policyFor(config.verifierKey, [daily, { ...archives, url: null }], "group both all 海平日报 海平市档案馆");
}, 30_000);
afterAll(async () => {
  await Promise.all([daily?.stop(), archives?.stop()]);
  removeWitnessDirs();
  await ctx.tearDown();
});

/** The checkpoint's cosignatures that verify under the policy's witness keys, by witness name. */
function cosigners(note: string, policy: WitnessPolicy): string[] {
  const split = note.lastIndexOf("\n\n");
  const { valid, invalid } = verifyCosignatures(
    note.slice(0, split + 1),
    parseSignatureLines(note.slice(split + 2)).filter((s) => s.name !== ORIGIN),
    policy.witnesses.map((w) => w.verifier),
  );
  expect(invalid).toEqual([]);
  return valid.map((v) => policy.witnesses.find((w) => w.verifier === v.verifier)!.name).sort();
}

describe("collecting cosignatures", () => {
  it("after a commit, every witness cosigns the new checkpoint and the portal serves the lines", async () => {
    for (const id of ["W1", "W2"]) await publishSample(ctx.prisma, id);
    expect(await commitPending(ctx.prisma, config)).toEqual({ committed: 2, size: 2 });
    const round = await witnessAll(ctx.prisma, both);
    expect(round.results.map((r) => r.outcome)).toEqual([
      { kind: "cosigned", size: 2 },
      { kind: "cosigned", size: 2 },
    ]);

    const served = await requireCosignedCheckpoint(ctx.prisma);
    // The log's signature still verifies, and both cosignatures verify under the witnesses' own keys.
    expect(openCheckpoint(served.note, ORIGIN, [parseVerifierKey(config.verifierKey)]).checkpoint.size).toBe(2);
    expect(cosigners(served.note, both)).toEqual(["海平市档案馆", "海平日报"]);
    expect(served.note.split("\n— ")).toHaveLength(4);
    // Asking again changes nothing: the witnesses already cosigned this size.
    expect((await witnessAll(ctx.prisma, both)).results.map((r) => r.outcome.kind)).toEqual(["up-to-date", "up-to-date"]);
    expect(await ctx.prisma.cosignature.count()).toBe(2);

    const info = await getLogInfo(ctx.prisma, config, both);
    expect(info.checkpoint).toBe(served.note);
    expect(info.witnessed).toEqual({ size: 2, checkpoint: served.note });
    expect(info.witnesses.map((w) => ({ ...w, cosignedAt: typeof w.cosignedAt }))).toEqual([
      { name: "海平日报", verifierKey: daily.verifierKey, url: daily.url, cosignedSize: 2, cosignedAt: "string", lastError: null, lastErrorAt: null, evidence: false },
      { name: "海平市档案馆", verifierKey: archives.verifierKey, url: archives.url, cosignedSize: 2, cosignedAt: "string", lastError: null, lastErrorAt: null, evidence: false },
    ]);
    const cosignedAt = Date.parse(info.witnesses[0]!.cosignedAt!);
    expect(Math.abs(cosignedAt - Date.now())).toBeLessThan(60_000);

    const bundle = await buildProofBundle(ctx.prisma, { ...config, policy: both }, "W1", 1);
    expect(bundle.checkpoint).toBe(served.note);
    const tlog = parseTlogProof(bundle.tlogProof);
    expect(tlog.checkpoint).toBe(served.note);
    verifyTlogProof(bundle.tlogProof, Uint8Array.from(Buffer.from(bundle.entry.leaf, "base64")), ORIGIN, [parseVerifierKey(config.verifierKey)]);
  });

  it("a witness that missed several checkpoints catches up with a consistency proof it checks", async () => {
    for (const batch of [["W3"], ["W4", "W5"], ["W6"]]) {
      for (const id of batch) await publishSample(ctx.prisma, id);
      await commitPending(ctx.prisma, config);
      // Only the daily is asked: the archives stay at size 2.
      const round = await witnessAll(ctx.prisma, dailyOnly);
      expect(round.results.map((r) => r.outcome.kind)).toEqual(["cosigned", "no-url"]);
    }
    const head = await requireCheckpoint(ctx.prisma);
    expect(head.size).toBe(6);
    const status = await ctx.prisma.witnessStatus.findUniqueOrThrow({ where: { witness: parseCosignatureVerifierKey(archives.verifierKey).cosignatureKey } });
    expect(status.cosignedSize).toBe(2n);

    // The quorum needs both: the newest witnessed checkpoint is still 2, and bundles use it where they can.
    expect((await getLogInfo(ctx.prisma, config, both)).witnessed?.size).toBe(2);
    const bundles = await buildNoticeBundles(ctx.prisma, { ...config, policy: both }, "W1");
    expect(parseTlogProof(bundles[0]!.tlogProof).checkpoint.split("\n")[1]).toBe("2");
    expect(cosigners(bundles[0]!.checkpoint, both)).toEqual(["海平市档案馆", "海平日报"]);
    const newer = await buildProofBundle(ctx.prisma, { ...config, policy: both }, "W5", 1);
    expect(newer.checkpoint.split("\n")[1]).toBe("6");
    expect(cosigners(newer.checkpoint, both)).toEqual(["海平日报"]);
    expect(newer.inclusionProof.length).toBeGreaterThan(0);
    verifyTlogProof(newer.tlogProof, Uint8Array.from(Buffer.from(newer.entry.leaf, "base64")), ORIGIN, [parseVerifierKey(config.verifierKey)]);
    // A consistency proof from beyond the witnessed size can only go forward to the head.
    const forward = await buildProofBundle(ctx.prisma, { ...config, policy: both }, "W1", 1, { from: 5 });
    expect(forward.checkpoint.split("\n")[1]).toBe("6");
    expect(forward.consistency?.from).toBe(5);

    // The archives catch up from 2 to 6: the witness verifies the proof, or it would answer 422.
    const round = await witnessAll(ctx.prisma, both);
    expect(round.results.map((r) => r.outcome)).toEqual([
      { kind: "up-to-date", size: 6 },
      { kind: "cosigned", size: 6 },
    ]);
    const info = await getLogInfo(ctx.prisma, config, both);
    expect(info.witnessed?.size).toBe(6);
    expect(cosigners(info.witnessed!.checkpoint, both)).toEqual(["海平市档案馆", "海平日报"]);
    expect((await buildProofBundle(ctx.prisma, { ...config, policy: both }, "W1", 1)).checkpoint).toBe(info.witnessed!.checkpoint);
  });

  it("recovers when the portal lost its record of the witnesses: old 0 → 409 with the witness's size → resent with the right proof", async () => {
    // Lost as an operator loses it (a restore, a manual clean-up): the application itself deletes no row.
    const loseRecord = () => ctx.database.client.query("DELETE FROM witness_status");
    await loseRecord();
    // Same checkpoint: the witness answers 409 (it has 6), the portal resends from 6 and gets a fresh cosignature.
    let round = await witnessAll(ctx.prisma, both);
    expect(round.results.map((r) => r.outcome)).toEqual([
      { kind: "cosigned", size: 6 },
      { kind: "cosigned", size: 6 },
    ]);
    await loseRecord();
    await publishSample(ctx.prisma, "W7");
    await commitPending(ctx.prisma, config);
    round = await witnessAll(ctx.prisma, both);
    expect(round.results.map((r) => r.outcome)).toEqual([
      { kind: "cosigned", size: 7 },
      { kind: "cosigned", size: 7 },
    ]);
    const statuses = await ctx.prisma.witnessStatus.findMany({ orderBy: { name: "asc" } });
    expect(statuses.map((s) => [s.cosignedSize, s.lastError, s.evidence])).toEqual([
      [7n, null, false],
      [7n, null, false],
    ]);
    // Idempotent storage: one row per witness per checkpoint, whatever was resent.
    expect(await ctx.prisma.cosignature.count({ where: { checkpointSize: 6n } })).toBe(2);
  });

  it("with quorum none the newest checkpoint is the witnessed one, cosignatures and all", async () => {
    const none = policyFor(config.verifierKey, [daily, archives], "none");
    const info = await getLogInfo(ctx.prisma, config, none);
    expect(info.witnessed).toEqual({ size: info.size, checkpoint: info.checkpoint });
  });

  it("without a policy nothing changes: no witnesses, no witnessed checkpoint, bundles at the head", async () => {
    const info = await getLogInfo(ctx.prisma, config, null);
    expect(info.witnesses).toEqual([]);
    expect(info.witnessed).toBeNull();
    const bundle = await buildProofBundle(ctx.prisma, { ...config, policy: null }, "W1", 1);
    expect(bundle.checkpoint.split("\n")[1]).toBe("7");
  });
});
