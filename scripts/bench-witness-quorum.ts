/**
 * The commit → quorum delay for scripts/bench-witness.ts: the portal's own committer and
 * witnessing loop (lib/server/log-service, lib/server/witnessing) against a throwaway database, with two real
 * witnesses (bin/gongshi-witness.mjs) and a policy requiring both, while notices are added
 * continuously. Measured from the database afterwards:
 *
 * - commit → quorum: from a checkpoint's creation to the first moment a checkpoint at least as
 *   large had cosignatures from both witnesses (when a notice in it becomes "verified");
 * - publish → quorum: the same from the moment a notice version was recorded (what a clerk
 *   waits for: the next commit, then the witnesses).
 *
 * Baseline in the same run: one add-checkpoint round trip straight to a witness (a log of the
 * bench's own, no portal in between), the floor that witnessing can approach.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma } from "@/lib/server/db/client";
import type { LogConfig } from "@/lib/server/env";
import { formatAddCheckpointRequest, generateKey, hashLeaf, parseSignerKey, parseWitnessPolicy, signCheckpoint } from "@/lib/core/log";
import { startCommitterLoop } from "@/lib/server/log-service/committer-loop";
import { startWitnessingLoop } from "@/lib/server/witnessing/witnessing-loop";
import { addPending, createBenchDatabase } from "./bench-log-data";
import { ms, percentile } from "./bench-stats";

const BIN = path.resolve("bin/gongshi-witness.mjs");
const COMMIT_INTERVAL_MS = 1000;
const PUBLISH_EVERY_MS = 200;
const DURATION_MS = 30_000;
const DIRECT_REQUESTS = 100;

interface Witness {
  url: string;
  vkey: string;
  stop(): void;
}

/** `gongshi-witness serve` on an ephemeral port of 127.0.0.1, once it says where it listens. */
export function startWitness(dir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, "serve", "--data", dir, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+) as/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill("SIGTERM") });
    });
    child.on("exit", (code) => reject(new Error(`witness exited ${code}`)));
  });
}

/** A new witness in `root` that trusts the log (`origin`, `logKey`), serving. */
async function newWitness(root: string, name: string, origin: string, logKey: string): Promise<Witness> {
  const dir = path.join(root, name);
  const vkey = execFileSync(process.execPath, [BIN, "init", "--data", dir, "--name", `${name}.bench.localhost`], { encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1)!;
  execFileSync(process.execPath, [BIN, "add-log", "--data", dir, "--origin", origin, "--key", logKey], { stdio: "ignore" });
  return { vkey, ...(await startWitness(dir)) };
}

/**
 * Round trips of add-checkpoint straight to a witness, for a one-entry log of the bench's own:
 * the first request cosigns size 1 (old 0), every later one re-sends it with old 1, which the
 * witness checks in full (signature, size, root) and cosigns again.
 */
async function directRoundTrips(witness: Witness, signerKey: string): Promise<number[]> {
  const signer = parseSignerKey(signerKey);
  const signedCheckpoint = signCheckpoint({ origin: signer.name, size: 1, rootHash: hashLeaf(new TextEncoder().encode("bench")), extensions: [] }, signer);
  const times: number[] = [];
  for (let i = 0; i < DIRECT_REQUESTS; i++) {
    const body = formatAddCheckpointRequest({ oldSize: i === 0 ? 0 : 1, proof: [], signedCheckpoint });
    const started = performance.now();
    const response = await fetch(`${witness.url}/add-checkpoint`, { method: "POST", body });
    await response.text();
    if (response.status !== 200) throw new Error(`direct add-checkpoint answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

export async function measureCommitToQuorum(progress: (m: string) => void): Promise<string[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), "bench-quorum-"));
  const database = await createBenchDatabase();
  const { signerKey } = generateKey("bench.gongshi.localhost/log");
  const signer = parseSignerKey(signerKey);
  const config: LogConfig = { origin: signer.name, signer, verifierKey: signer.verifierKey };
  const direct = generateKey("direct.bench.localhost/log");
  const witnesses: Witness[] = [];
  try {
    progress("commit → quorum: starting two witnesses and the portal's loops");
    for (const name of ["daily", "archives"]) witnesses.push(await newWitness(root, name, config.origin, config.verifierKey));
    const baseline = await newWitness(root, "direct", parseSignerKey(direct.signerKey).name, parseSignerKey(direct.signerKey).verifierKey);
    witnesses.push(baseline);
    const policy = parseWitnessPolicy(
      [
        `log ${config.verifierKey}`,
        `witness daily ${witnesses[0]!.vkey} ${witnesses[0]!.url}`,
        `witness archives ${witnesses[1]!.vkey} ${witnesses[1]!.url}`,
        "group both all daily archives",
        "quorum both",
        "",
      ].join("\n"),
    );
    const prisma = createPrisma(database.url);
    const witnessing = startWitnessingLoop(prisma, policy, 5000);
    const committer = startCommitterLoop(prisma, config, COMMIT_INTERVAL_MS, () => witnessing.kick());
    progress(`commit → quorum: adding a notice every ${PUBLISH_EVERY_MS} ms for ${DURATION_MS / 1000} s, committing every ${COMMIT_INTERVAL_MS} ms`);
    let n = 0;
    for (const end = Date.now() + DURATION_MS; Date.now() < end;) {
      await addPending(database.client, { firstNumber: ++n, publish: 1 });
      await new Promise((r) => setTimeout(r, PUBLISH_EVERY_MS));
    }
    await new Promise((r) => setTimeout(r, 3 * COMMIT_INTERVAL_MS));
    committer.stop();
    witnessing.stop();
    await new Promise((r) => setTimeout(r, 1000));
    await prisma.$disconnect();

    progress("commit → quorum: direct round trips (baseline)");
    const directTimes = await directRoundTrips(baseline, direct.signerKey);

    const checkpoints = (await database.client.query<{ size: string; at: Date }>("SELECT size, created_at AS at FROM checkpoint ORDER BY size")).rows.map((r) => ({
      size: Number(r.size),
      at: r.at.getTime(),
    }));
    const quorums = (
      await database.client.query<{ size: string; at: Date }>(
        "SELECT checkpoint_size AS size, max(created_at) AS at FROM cosignature GROUP BY checkpoint_size HAVING count(DISTINCT witness) = 2 ORDER BY checkpoint_size",
      )
    ).rows.map((r) => ({ size: Number(r.size), at: r.at.getTime() }));
    const versions = (
      await database.client.query<{ index: string; at: Date }>("SELECT e.index, v.created_at AS at FROM log_entry e JOIN notice_version v ON v.id = e.notice_version_id")
    ).rows.map((r) => ({ size: Number(r.index) + 1, at: r.at.getTime() }));
    /** When a checkpoint of at least `size` first met the quorum. */
    const quorumAt = (size: number) => Math.min(...quorums.filter((q) => q.size >= size).map((q) => q.at));
    const commitDelays = checkpoints
      .filter((c) => c.size > 0)
      .map((c) => quorumAt(c.size) - c.at)
      .filter(Number.isFinite);
    const publishDelays = versions.map((v) => quorumAt(v.size) - v.at).filter(Number.isFinite);
    const row = (what: string, values: number[]) => `| ${what} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${values.length} |`;
    return [
      "",
      `Commit → quorum: the portal's committer (every ${COMMIT_INTERVAL_MS} ms) and witnessing loop (kicked after each commit) in this process, two real witnesses and a policy requiring both, one notice added every ${PUBLISH_EVERY_MS} ms for ${DURATION_MS / 1000} s; ${checkpoints.length} checkpoints, ${quorums.length} of them cosigned by both (the witnesses are asked for the newest only, so checkpoints superseded mid-round are covered by a later one).`,
      "",
      "| Delay | p50 (ms) | p95 (ms) | samples |",
      "| --- | ---: | ---: | ---: |",
      row("commit → quorum (checkpoint created → a checkpoint covering it cosigned by both)", commitDelays),
      row("publish → quorum (version recorded → a checkpoint covering it cosigned by both)", publishDelays),
      row("baseline: one add-checkpoint round trip straight to a witness", directTimes),
    ];
  } finally {
    for (const w of witnesses) w.stop();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  }
}
