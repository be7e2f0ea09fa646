/**
 * What goes wrong with witnesses, against real PostgreSQL and real HTTP: an unreachable or
 * silent witness never delays committing and is recorded as an error with backoff; evidence
 * (a fork held by a real witness, a 422, a 409 beyond the log, a cosignature that does not
 * verify) lands in the audit trail, stays visible until the witness cosigns again, and the
 * refused checkpoint is not sent again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import {
  formatAddCheckpointRequest,
  generateCosignatureKey,
  parseAddCheckpointRequest,
  parseCosignatureSignerKey,
  sha256Hash,
  signCheckpoint,
  utf8,
  type WitnessPolicy,
} from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { startCommitterLoop } from "@/lib/server/log-service/committer-loop";
import { witnessAll } from "@/lib/server/witnessing/witness-all";
import { startWitnessingLoop } from "@/lib/server/witnessing/witnessing-loop";
import { listWitnesses } from "@/lib/server/witnessing/witness-list";
import { getAdminDashboard } from "@/lib/server/admin/get-admin-dashboard";
import { ORIGIN, publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import { post } from "../witness/harness";
import { closedPort, fakeWitness, policyFor, realWitness, removeWitnessDirs, type FakeWitness } from "./fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
let published = 0;
beforeAll(async () => {
  ctx = await setUp();
});
afterAll(async () => {
  removeWitnessDirs();
  await ctx.tearDown();
});

async function commitOne(): Promise<number> {
  await publishSample(ctx.prisma, `F${++published}`);
  return (await commitPending(ctx.prisma, config)).size;
}

async function evidenceEvents() {
  return ctx.prisma.auditEvent.findMany({ where: { action: "witness.evidence" }, orderBy: { id: "asc" } });
}

type Mode = "cosign" | "wrong-cosignature" | "422" | "409-beyond" | "500";

/** A witness under the test's control, with a real witness key: it cosigns properly in "cosign" mode. */
async function controlledWitness(name: string): Promise<{ fake: FakeWitness; verifierKey: string; setMode(m: Mode): void }> {
  const { signerKey, verifierKey } = generateCosignatureKey(`${name}.example`);
  const signer = parseCosignatureSignerKey(signerKey);
  let mode: Mode = "cosign";
  const fake = await fakeWitness((body: string, res: ServerResponse) => {
    const request = parseAddCheckpointRequest(body);
    const text = request.signedCheckpoint.slice(0, request.signedCheckpoint.lastIndexOf("\n\n") + 1);
    const now = Math.floor(Date.now() / 1000);
    if (mode === "cosign") res.writeHead(200).end(signer.cosign(text, now));
    else if (mode === "wrong-cosignature")
      res.writeHead(200).end(
        signer.cosign(
          text.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`),
          now,
        ),
      );
    else if (mode === "422") res.writeHead(422).end("consistency proof does not verify\n");
    else if (mode === "409-beyond") res.writeHead(409, { "content-type": "text/x.tlog.size" }).end("999\n");
    else res.writeHead(500).end("internal error\n");
  });
  return { fake, verifierKey, setMode: (m) => (mode = m) };
}

describe("witness failures", () => {
  it("an unreachable witness is recorded as an error, backs off, and is retried when asked explicitly", async () => {
    const port = await closedPort();
    const { verifierKey } = generateCosignatureKey("closed.example");
    const policy = policyFor(config.verifierKey, [{ name: "关闭的", verifierKey, url: `http://127.0.0.1:${port}` }], "关闭的");
    await commitOne();
    const first = (await witnessAll(ctx.prisma, policy)).results[0]!.outcome;
    expect(first).toMatchObject({ kind: "error", message: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
    const [info] = await listWitnesses(ctx.prisma, policy);
    expect(info).toMatchObject({ name: "关闭的", cosignedSize: null, lastError: expect.stringMatching(/fetch failed|ECONNREFUSED/), evidence: false });
    expect(info!.lastErrorAt).not.toBeNull();
    expect((await witnessAll(ctx.prisma, policy)).results[0]!.outcome.kind).toBe("backing-off");
    expect((await witnessAll(ctx.prisma, policy, { ignoreBackoff: true })).results[0]!.outcome.kind).toBe("error");
    const row = await ctx.prisma.witnessStatus.findFirstOrThrow({ where: { name: "关闭的" } });
    expect(row.failures).toBe(2);
    expect(await evidenceEvents()).toEqual([]);
  });

  it("a witness that never answers delays neither commits nor other witnesses", async () => {
    const silent = await fakeWitness(() => undefined); // accepts, never answers
    const port = await closedPort();
    const good = await controlledWitness("prompt");
    const policy = policyFor(
      config.verifierKey,
      [
        { name: "沉默的", verifierKey: generateCosignatureKey("silent.example").verifierKey, url: silent.url },
        { name: "关闭的2", verifierKey: generateCosignatureKey("closed2.example").verifierKey, url: `http://127.0.0.1:${port}` },
        { name: "及时的", verifierKey: good.verifierKey, url: good.fake.url },
      ],
      "及时的",
    );
    const witnessing = startWitnessingLoop(ctx.prisma, policy, 60_000);
    const committer = startCommitterLoop(ctx.prisma, config, 20, () => witnessing.kick());
    try {
      const before = await ctx.prisma.checkpoint.count();
      const started = Date.now();
      for (let i = 0; i < 3; i++) {
        await publishSample(ctx.prisma, `F${++published}`);
        const target = before + i + 1;
        while ((await ctx.prisma.checkpoint.count()) < target) await new Promise((r) => setTimeout(r, 20));
      }
      // Three commits, each kicking witnessing, while one witness holds its request for 10 s.
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(silent.requests.length).toBeGreaterThanOrEqual(1);
      const head = Number((await ctx.prisma.checkpoint.findFirstOrThrow({ orderBy: { size: "desc" } })).size);
      // The prompt witness keeps up although the silent one still has a request in flight.
      const deadline = Date.now() + 3_000;
      let statusSize: bigint | null | undefined;
      while (Date.now() < deadline) {
        statusSize = (await ctx.prisma.witnessStatus.findFirst({ where: { name: "及时的" } }))?.cosignedSize;
        if (statusSize === BigInt(head)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(statusSize).toBe(BigInt(head));
      expect((await ctx.prisma.witnessStatus.findFirstOrThrow({ where: { name: "关闭的2" } })).lastError).toMatch(/fetch failed|ECONNREFUSED/);
    } finally {
      committer.stop();
      witnessing.stop();
      await silent.close();
      await good.fake.close();
    }
  });

  it("a real witness holding another root for the size is a fork: audited, kept, not re-sent until a newer checkpoint", async () => {
    const witness = await realWitness("分叉的", "forked.example", { origin: ORIGIN, verifierKey: config.verifierKey });
    try {
      const policy = policyFor(config.verifierKey, [witness], "分叉的");
      // Someone with the log's key showed this witness another tree of the next size.
      const { size: now } = await commitPending(ctx.prisma, config);
      const forkSize = now + 1;
      const forged = signCheckpoint({ origin: ORIGIN, size: forkSize, rootHash: sha256Hash(utf8("another history")), extensions: [] }, config.signer);
      expect((await post(witness.url, formatAddCheckpointRequest({ oldSize: 0, proof: [], signedCheckpoint: forged }))).status).toBe(200);
      expect(await commitOne()).toBe(forkSize);

      const outcome = (await witnessAll(ctx.prisma, policy)).results[0]!.outcome;
      expect(outcome).toMatchObject({ kind: "evidence", message: expect.stringMatching(new RegExp(`different root for size ${forkSize}|rejected`)) });
      let events = await evidenceEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorUserId: null, subject: "分叉的", detail: { witness: "分叉的", checkpointSize: forkSize, oldSize: forkSize } });
      expect([409, 422]).toContain((events[0]!.detail as { status: number }).status);
      const [info] = await listWitnesses(ctx.prisma, policy);
      expect(info).toMatchObject({ evidence: true, lastError: outcome.kind === "evidence" ? outcome.message : "", cosignedSize: null });

      // Not retried into silence: the same checkpoint is not sent again, the evidence stays.
      expect((await witnessAll(ctx.prisma, policy, { ignoreBackoff: true })).results[0]!.outcome).toMatchObject({ kind: "holding-evidence", size: forkSize });
      expect(await evidenceEvents()).toHaveLength(1);

      // A newer checkpoint is sent; the witness cannot accept it either (its root differs), which is new evidence.
      const newer = await commitOne();
      expect((await witnessAll(ctx.prisma, policy)).results[0]!.outcome.kind).toBe("evidence");
      events = await evidenceEvents();
      expect(events.map((e) => (e.detail as { checkpointSize: number }).checkpointSize)).toEqual([forkSize, newer]);
      expect(witness.running!.stderr()).not.toBe("");

      // Administrators and auditors see it on the dashboard; clerks do not.
      const admin = { id: "a", email: "a@example.org", name: "管理员", role: "administrator" as const, agencyIds: [] };
      const dashboard = await getAdminDashboard(ctx.prisma, admin, policy);
      expect(dashboard.witnessing).toMatchObject({ configured: true, witnessedSize: null, witnesses: [{ name: "分叉的", evidence: true, cosignedSize: null }] });
      expect(dashboard.witnessing!.witnesses[0]!.lastError).toMatch(/rejected the consistency proof/);
      expect((await getAdminDashboard(ctx.prisma, { ...admin, role: "auditor" }, null)).witnessing).toEqual({ configured: false, witnesses: [], witnessedSize: null });
      expect((await getAdminDashboard(ctx.prisma, { ...admin, role: "clerk", agencyIds: ["hp-planning"] }, policy)).witnessing).toBeNull();
    } finally {
      await witness.stop();
    }
  });

  it("a 422, a 409 beyond the log and a cosignature that does not verify are evidence; the witness is cleared when it cosigns again", async () => {
    const w = await controlledWitness("controlled");
    const policy: WitnessPolicy = policyFor(config.verifierKey, [{ name: "受控的", verifierKey: w.verifierKey, url: w.fake.url }], "受控的");
    const expectations: [Mode, RegExp][] = [
      ["422", /rejected the consistency proof .*422/],
      ["409-beyond", /claims to have cosigned size 999, larger than the log's/],
      ["wrong-cosignature", /does not verify under its key/],
    ];
    try {
      for (const [mode, message] of expectations) {
        w.setMode(mode);
        const size = await commitOne();
        const before = w.fake.requests.length;
        expect((await witnessAll(ctx.prisma, policy)).results[0]!.outcome).toMatchObject({ kind: "evidence", message: expect.stringMatching(message) });
        expect(w.fake.requests.length).toBe(before + 1);
        const last = (await evidenceEvents()).at(-1)!;
        expect(last.detail).toMatchObject({ witness: "受控的", checkpointSize: size, message: expect.stringMatching(message) });
        // Asked again without a newer checkpoint: no request.
        expect((await witnessAll(ctx.prisma, policy, { ignoreBackoff: true })).results[0]!.outcome.kind).toBe("holding-evidence");
        expect(w.fake.requests.length).toBe(before + 1);
      }
      expect(await ctx.prisma.cosignature.count({ where: { witness: policy.witnesses[0]!.verifier.cosignatureKey } })).toBe(0);

      // A later outage does not hide the evidence…
      w.setMode("500");
      await commitOne();
      expect((await witnessAll(ctx.prisma, policy)).results[0]!.outcome).toMatchObject({ kind: "error", message: expect.stringMatching(/HTTP 500/) });
      expect((await listWitnesses(ctx.prisma, policy))[0]).toMatchObject({ evidence: true, lastError: expect.stringMatching(/does not verify/) });
      // …until the witness cosigns again.
      w.setMode("cosign");
      const size = await commitOne();
      expect((await witnessAll(ctx.prisma, policy, { ignoreBackoff: true })).results[0]!.outcome).toEqual({ kind: "cosigned", size });
      expect((await listWitnesses(ctx.prisma, policy))[0]).toMatchObject({ evidence: false, lastError: null, lastErrorAt: null, cosignedSize: size });
    } finally {
      await w.fake.close();
    }
  });
});
