/** Inclusion and consistency proofs generated in this process, cold and warm, against their baselines. */
import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { proveInclusion, tileHashReader, TileTreeCache, type TileReader } from "@/lib/core/log";
import { getConsistencyProof } from "@/lib/server/log-service/get-consistency-proof";
import { getInclusionProof } from "@/lib/server/log-service/get-inclusion-proof";
import { requireCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { dbTileReader } from "@/lib/server/log-service/tile-store";
import { int } from "../bench-stats";
import { PROOFS, SIZE, progress } from "./settings";

// ---------------------------------------------------------------------------------------
// 4. Proofs, server-side, in this process

export interface Latencies {
  label: string;
  ms: number[];
}

// Read by the report (report.ts); set by proofs() below.
export let decomposition: { parts: [number[], number[], number[]]; fullTilesPerProof: number; hitRate: number } | null = null;

async function sample(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs several operations in turn, call by call, so load that comes and goes hits all alike. */
async function interleaved(n: number, fns: ((i: number) => Promise<unknown>)[]): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t = performance.now();
      await fns[k]!(i);
      out[k]!.push(performance.now() - t);
    }
  }
  return out;
}

export async function proofs(prisma: PrismaClient): Promise<Latencies[]> {
  const S = SIZE;
  const select1 = () => prisma.$queryRawUnsafe("SELECT 1");
  const checkpoint = () => requireCheckpoint(prisma);
  const inclusion = () => getInclusionProof(prisma, randomInt(S), S);
  const noCache = async () => {
    await requireCheckpoint(prisma);
    return proveInclusion(randomInt(S), S, tileHashReader(S, dbTileReader(prisma)));
  };
  // Warm the client and the JIT without touching the service's full-tile cache.
  await sample(200, select1);
  await sample(200, checkpoint);
  const [noCacheMs] = await interleaved(Math.min(PROOFS, 1000), [noCache]);
  progress("proofs: without cache done");
  // The first proofs this process serves: the full-tile cache starts empty.
  const cold = await sample(Math.min(PROOFS, 1000), inclusion);
  progress("proofs: cold cache done");
  await sample(2000, inclusion);
  const [s1, cp, inc] = await interleaved(PROOFS, [select1, checkpoint, inclusion]);
  progress("proofs: inclusion (warm) done");
  // The same composition as logHashReader, but with a timed tile reader and a cache of our own
  // (same capacity), so a warm proof's time splits into its query and its CPU; a shadow LRU
  // with the cache's keys counts hits.
  const ownCache = new TileTreeCache(2048);
  const shadow = new Map<string, true>();
  let tileMs = 0;
  let fullTiles = 0;
  let hits = 0;
  const timed: TileReader = {
    async readTiles(tiles) {
      for (const t of tiles.filter((t) => t.width === 256)) {
        const key = `${t.level}/${t.n}`;
        fullTiles++;
        if (shadow.delete(key)) hits++;
        else if (shadow.size >= 2048) shadow.delete(shadow.keys().next().value!);
        shadow.set(key, true);
      }
      const t0 = performance.now();
      const r = await dbTileReader(prisma).readTiles(tiles);
      tileMs += performance.now() - t0;
      return r;
    },
  };
  const parts: [number[], number[], number[]] = [[], [], []];
  const decomposed = async (record: boolean) => {
    const t0 = performance.now();
    await requireCheckpoint(prisma);
    const t1 = performance.now();
    tileMs = 0;
    await proveInclusion(randomInt(S), S, tileHashReader(S, timed, ownCache));
    const t2 = performance.now();
    if (record) {
      parts[0].push(t1 - t0);
      parts[1].push(tileMs);
      parts[2].push(t2 - t1 - tileMs);
    }
  };
  for (let i = 0; i < 3000; i++) await decomposed(false);
  fullTiles = 0;
  hits = 0;
  for (let i = 0; i < PROOFS; i++) await decomposed(true);
  decomposition = { parts, fullTilesPerProof: fullTiles / PROOFS, hitRate: hits / Math.max(1, fullTiles) };
  progress("proofs: decomposition done");
  const consHead = () => getConsistencyProof(prisma, 1 + randomInt(S - 1), S);
  const consRandom = () => {
    const a = 1 + randomInt(S - 1);
    const b = 1 + randomInt(S - 1);
    return getConsistencyProof(prisma, Math.min(a, b), Math.max(a, b) + 1);
  };
  await sample(1000, consHead);
  await sample(1000, consRandom);
  const [s1b, ch, cr] = await interleaved(PROOFS, [select1, consHead, consRandom]);
  progress("proofs: consistency done");
  return [
    { label: "`SELECT 1` through the same Prisma client (baseline)", ms: [...s1!, ...s1b!] },
    { label: "Latest checkpoint lookup (`requireCheckpoint`, part of every proof)", ms: cp! },
    { label: `Inclusion, \`getInclusionProof\`, warm cache (after ${int(Math.min(PROOFS, 1000) + 2000)} proofs)`, ms: inc! },
    { label: `Inclusion, cold cache: the first ${int(cold.length)} proofs the process serves`, ms: cold },
    { label: "Inclusion without the full-tile cache (same queries, `tileHashReader` without cache)", ms: noCacheMs! },
    { label: `Consistency, \`getConsistencyProof\`, random m → ${int(S)} (the head)`, ms: ch! },
    { label: `Consistency, random m < n ≤ ${int(S)}`, ms: cr! },
  ];
}
