/**
 * A mirror copying a real origin over real HTTP (test/mirror/origin-server.ts), each with its own
 * PostgreSQL database: a verified copy that serves the same notices, tiles and checkpoints;
 * incremental syncs; redactions withheld in the same sync; the mirror's own cosignature; and
 * refusal, with evidence and nothing stored, for an altered attachment, an altered field, a
 * forked origin, a foreign key and a rollback; an unreachable origin leaves it behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import {
  generateCosignatureKey,
  generateKey,
  parseCosignatureVerifierKey,
  parseWitnessPolicy,
  openCheckpoint,
  parseCosignatureSignerKey,
  parseSignatureLines,
  parseSignerKey,
  parseVerifierKey,
  verifyCosignatures,
  type CosignatureSigner,
} from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getNotice } from "@/lib/server/notices/get-notice";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { recordRedaction } from "@/lib/server/notices/record-redaction";
import { getTile } from "@/lib/server/log-service/get-tile";
import { readMirrorStatus } from "@/lib/server/mirror/mirror-status";
import { syncMirror } from "@/lib/server/mirror/sync-mirror";
import type { MirrorConfig } from "@/lib/server/mirror/mirror-config";
import { requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";
import { witnessAll } from "@/lib/server/witnessing/witness-all";
import { answerAddCheckpoint } from "@/lib/server/mirror/mirror-add-checkpoint";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { ORIGIN, publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import { startTestOrigin, type TestOrigin } from "./origin-server";

const log = testLogConfig();
let origin: Awaited<ReturnType<typeof setUp>>;
let server: TestOrigin;
const mirrors: { database: TestDatabase; prisma: PrismaClient }[] = [];
const mirrorKey = generateCosignatureKey("archives.mirror.example");
const cosigner: CosignatureSigner = parseCosignatureSignerKey(mirrorKey.signerKey);

async function newMirror(): Promise<PrismaClient> {
  const database = await createTestDatabase();
  const prisma = createPrisma(database.url);
  mirrors.push({ database, prisma });
  return prisma;
}

function configFor(url: string, options: { key?: string; cosigner?: CosignatureSigner | null } = {}): MirrorConfig {
  const logKey = options.key ?? log.verifierKey;
  return { originUrl: url, logKey, verifier: parseVerifierKey(logKey), intervalMs: 0, cosigner: options.cosigner ?? null };
}

/** What a visitor sees of a notice, without the fields that depend on when it was read. */
async function shown(prisma: PrismaClient, id: string) {
  const n = await getNotice(prisma, id);
  return { agency: n.agency, versions: n.versions.map((v) => ({ ...v, withheld: v.withheld.map(({ path, basis, logIndex }) => ({ path, basis, logIndex })) })) };
}

async function tamper(sql: string, ...values: unknown[]): Promise<void> {
  // As a database superuser with the append-only triggers bypassed: what an operator could do.
  await origin.database.client.query("SET session_replication_role = replica");
  await origin.database.client.query(sql, values);
  await origin.database.client.query("SET session_replication_role = origin");
}

beforeAll(async () => {
  origin = await setUp();
  server = await startTestOrigin(origin.prisma);
});
afterAll(async () => {
  await server?.close();
  for (const m of mirrors) {
    await m.prisma.$disconnect();
    await m.database.drop();
  }
  await origin?.tearDown();
});

describe("a mirror of a live origin", () => {
  let mirror: PrismaClient;

  it("copies every notice, attachment, entry, tile and checkpoint, and verifies it", async () => {
    mirror = await newMirror();
    for (const id of ["M1", "M2", "M3"]) await publishSample(origin.prisma, id);
    await commitPending(origin.prisma, log);
    await publishSample(origin.prisma, "M4");
    await commitPending(origin.prisma, log);

    const outcome = await syncMirror(mirror, configFor(server.url, { cosigner }));
    expect(outcome).toMatchObject({ state: "following", size: 4, originSize: 4, copied: 4 });
    for (const id of ["M1", "M2", "M3", "M4"]) expect(await shown(mirror, id)).toEqual(await shown(origin.prisma, id));
    const attachment = await mirror.attachment.findFirstOrThrow({ where: { noticeVersion: { noticeId: "M2" } } });
    expect(new TextDecoder().decode(attachment.content)).toBe("%PDF M2");
    // The same chain and the same tiles: proofs from the mirror are proofs of the origin's log.
    const chain = async (p: PrismaClient) => (await p.checkpoint.findMany({ orderBy: { size: "asc" } })).map((c) => [Number(c.size), c.note, c.prevHash]);
    expect(await chain(mirror)).toEqual(await chain(origin.prisma));
    expect(await getTile(mirror, "0/000.p/4")).toEqual(await getTile(origin.prisma, "0/000.p/4"));
    // Nothing waits for a committer at the mirror.
    expect(await mirror.logQueue.count()).toBe(0);
    const status = await readMirrorStatus(mirror);
    expect(status).toMatchObject({ origin: server.url, logOrigin: ORIGIN, size: 4, state: "following", evidence: null });
    expect(status!.verifiedAt).not.toBeNull();
  });

  it("cosigns each checkpoint it holds with its own key, verifiably", async () => {
    const served = await requireCosignedCheckpoint(mirror);
    const { note } = openCheckpoint(served.note, ORIGIN, [parseVerifierKey(log.verifierKey)]);
    const lines = parseSignatureLines(served.note.slice(served.note.lastIndexOf("\n\n") + 2)).filter((s) => s.name !== ORIGIN);
    const { valid } = verifyCosignatures(note.text, lines, [parseCosignatureVerifierKey(mirrorKey.verifierKey)]);
    expect(valid).toHaveLength(1);
    expect(await mirror.cosignature.count({ where: { witness: cosigner.verifierKey } })).toBe(2);
  });

  it("answers add-checkpoint with that cosignature, so the origin's witnessing collects it", async () => {
    const config = configFor(server.url, { cosigner });
    const mirrorServer = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const answer = await answerAddCheckpoint(mirror, config, Buffer.concat(chunks).toString("utf8"), 2000);
      res.writeHead(answer.status, { "content-type": answer.contentType });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => mirrorServer.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(mirrorServer.address() as AddressInfo).port}`;
      const policy = parseWitnessPolicy(`witness 档案馆镜像 ${mirrorKey.verifierKey} ${url}\nquorum 档案馆镜像\n`);
      const round = await witnessAll(origin.prisma, policy);
      expect(round.results.map((r) => r.outcome)).toEqual([{ kind: "cosigned", size: 4 }]);
      const served = await requireCosignedCheckpoint(origin.prisma);
      expect(served.note).toContain("— archives.mirror.example ");
      // A checkpoint the mirror does not hold yet (published after its last sync): it syncs, then cosigns.
      await publishSample(origin.prisma, "M6");
      await commitPending(origin.prisma, log);
      const second = await witnessAll(origin.prisma, policy);
      expect(second.results.map((r) => r.outcome)).toEqual([{ kind: "cosigned", size: 5 }]);
      expect(await mirror.notice.findUnique({ where: { id: "M6" } })).not.toBeNull();
    } finally {
      await new Promise((resolve) => mirrorServer.close(resolve));
    }
  });

  it("follows new versions and redactions, withholding a field in the same sync", async () => {
    await recordNoticeVersion(origin.prisma, { noticeId: "M1", agencyId: "hp-planning", kind: "amend", fields: { title: "修订后的公示", body: "新正文", reason: "更正" } });
    await commitPending(origin.prisma, log);
    await recordRedaction(origin.prisma, { noticeId: "M2", version: 1, withhold: ["body"], basis: "《个人信息保护法》第十三条" });
    await commitPending(origin.prisma, log);

    const outcome = await syncMirror(mirror, configFor(server.url));
    expect(outcome).toMatchObject({ state: "following", size: 7, copied: 2 });
    const m2 = await getNotice(mirror, "M2");
    expect(m2.versions[0]!.fields.body).toBeUndefined();
    expect(m2.versions[0]!.salts.body).toBeUndefined();
    expect(m2.versions[0]!.withheld).toEqual([expect.objectContaining({ path: "body", basis: "《个人信息保护法》第十三条", logIndex: 6 })]);
    expect(await shown(mirror, "M1")).toEqual(await shown(origin.prisma, "M1"));
    expect(await mirror.redactionQueue.count()).toBe(0);
    // A sync with nothing new copies nothing.
    expect(await syncMirror(mirror, configFor(server.url))).toMatchObject({ state: "following", size: 7, copied: 0 });
  });

  it("copies a version published after its field was withheld without the field, and withholds it", async () => {
    const fresh = await newMirror();
    expect(await syncMirror(fresh, configFor(server.url))).toMatchObject({ state: "following", size: 7 });
    const version = await fresh.noticeVersion.findFirstOrThrow({ where: { noticeId: "M2", version: 1 } });
    // The withheld value never reached the mirror at all.
    expect(Object.keys(version.fields as object)).not.toContain("body");
    expect(await shown(fresh, "M2")).toEqual(await shown(origin.prisma, "M2"));
  });

  it("refuses an attachment whose bytes no longer match the log, naming the notice and file, and stores nothing of it", async () => {
    await publishSample(origin.prisma, "M5");
    await commitPending(origin.prisma, log);
    await tamper("UPDATE attachment SET content = $1 WHERE notice_version_id = (SELECT id FROM notice_version WHERE notice_id = 'M5')", Buffer.from("%PDF X5"));

    const outcome = await syncMirror(mirror, configFor(server.url));
    expect(outcome.state).toBe("refused");
    expect(outcome.size).toBe(7);
    expect(outcome.evidence).toMatchObject({ kind: "bad-attachment", entry: { index: 7, notice: "M5", version: 1, file: "图.pdf" } });
    expect(outcome.message).toContain("M5");
    expect(await mirror.notice.findUnique({ where: { id: "M5" } })).toBeNull();
    expect(await mirror.logEntry.count()).toBe(7);
    // Refused stays refused, and says why.
    expect(await syncMirror(mirror, configFor(server.url))).toMatchObject({ state: "refused", copied: 0 });
    expect(await readMirrorStatus(mirror)).toMatchObject({ state: "refused", size: 7, evidence: { kind: "bad-attachment" } });
    // The verified history is still there to serve.
    expect(await shown(mirror, "M1")).toEqual(await shown(origin.prisma, "M1"));
  });

  it("refuses a field whose value no longer matches its commitment, naming the field", async () => {
    const fresh = await newMirror();
    await tamper("UPDATE notice_version SET fields = jsonb_set(fields, '{title}', '\"篡改的标题\"') WHERE notice_id = 'M3'");
    const outcome = await syncMirror(fresh, configFor(server.url));
    expect(outcome.state).toBe("refused");
    expect(outcome.evidence).toMatchObject({ kind: "bad-content", entry: { notice: "M3", version: 1, field: "title", got: "篡改的标题" } });
    // Entries before M3's checkpoint were copied; M3's checkpoint and everything after were not.
    expect(outcome.size).toBe(0);
    expect(await fresh.notice.count()).toBe(0);
  });
});

describe("refusing an origin that lies", () => {
  it("refuses a fork: another log under the same key, longer than the copy", async () => {
    const honest = await setUp();
    const honestServer = await startTestOrigin(honest.prisma);
    const mirror = await newMirror();
    try {
      await publishSample(honest.prisma, "F1");
      await commitPending(honest.prisma, log);
      expect(await syncMirror(mirror, configFor(honestServer.url))).toMatchObject({ state: "following", size: 1 });
      // The same key signs a different history at the same address.
      const forked = await setUp();
      const forkServer = await startTestOrigin(forked.prisma);
      try {
        for (const id of ["X1", "X2"]) await publishSample(forked.prisma, id);
        await commitPending(forked.prisma, log);
        const outcome = await syncMirror(mirror, configFor(forkServer.url));
        expect(outcome.state).toBe("refused");
        expect(outcome.evidence).toMatchObject({ kind: "fork", held: { size: 1 }, served: { size: 2 } });
        expect(outcome.evidence!.held!.note).toContain(ORIGIN);
        expect(await mirror.notice.findMany({ select: { id: true } })).toEqual([{ id: "F1" }]);
      } finally {
        await forkServer.close();
        await forked.tearDown();
      }
    } finally {
      await honestServer.close();
      await honest.tearDown();
    }
  });

  it("refuses a checkpoint that does not verify under the pinned key, and a rollback", async () => {
    const other = generateKey(ORIGIN);
    const foreign = await syncMirror(await newMirror(), configFor(server.url, { key: parseSignerKey(other.signerKey).verifierKey }));
    expect(foreign).toMatchObject({ state: "refused", size: 0, evidence: { kind: "bad-signature" } });

    const [longer, shorter] = [await setUp(), await setUp()];
    const [longerServer, shorterServer] = [await startTestOrigin(longer.prisma), await startTestOrigin(shorter.prisma)];
    try {
      for (const id of ["R1", "R2"]) await publishSample(longer.prisma, id);
      await commitPending(longer.prisma, log);
      await publishSample(shorter.prisma, "R1");
      await commitPending(shorter.prisma, log);
      // A mirror holding the longer log, pointed at an origin whose log under the same key is shorter.
      const mirror = await newMirror();
      expect(await syncMirror(mirror, configFor(longerServer.url))).toMatchObject({ state: "following", size: 2 });
      const rollback = await syncMirror(mirror, configFor(shorterServer.url));
      expect(rollback).toMatchObject({ state: "refused", size: 2, evidence: { kind: "rollback", held: { size: 2 }, served: { size: 1 } } });
    } finally {
      await Promise.all([longerServer.close(), shorterServer.close()]);
      await Promise.all([longer.tearDown(), shorter.tearDown()]);
    }
  });

  it("stays behind, keeping its copy, while the origin cannot be reached", async () => {
    const mirror = await newMirror();
    const outcome = await syncMirror(mirror, configFor("http://127.0.0.1:9"));
    expect(outcome).toMatchObject({ state: "behind", size: 0 });
    expect(outcome.message).toContain("could not be reached");
    expect(await readMirrorStatus(mirror)).toMatchObject({ state: "behind", evidence: null });
  });
});
