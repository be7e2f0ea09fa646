/**
 * log:audit against checkpoints the log did not keep itself: the one the last audit saved to a
 * file, a witness's cosignatures, a mirror's copy (served over real HTTP). A rollback of the
 * log's tail — entries and their checkpoints deleted, the versions queued again, the tiles
 * cut back — passes the log's replay against itself, and is caught by each of the three.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asHash,
  generateCosignatureKey,
  openCheckpoint,
  parseCosignatureSignerKey,
  parseVerifierKey,
  parseWitnessPolicy,
  signCheckpoint,
  type WitnessPolicy,
} from "@/lib/core/log";
import { auditDatabase } from "@/lib/server/log-service/audit-database";
import { auditLog } from "@/lib/server/log-service/audit-log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { recordCosignature } from "@/lib/server/witnessing/witness-status-store";
import { ORIGIN } from "../log-service/fixtures";
import { auditedDatabase, tamper, type AuditedDatabase } from "./audited-fixture";

let db: AuditedDatabase;
let dir: string;
let file: string;
let policy: WitnessPolicy;
let server: http.Server;
let mirror: string;
/** What the mirror serves at /log/checkpoint. */
let mirrorNote = "";

const witness = generateCosignatureKey("witness.example");
const cosigner = parseCosignatureSignerKey(witness.signerKey);

function audit(options: { file?: boolean; mirror?: boolean } = { file: true, mirror: true }) {
  return auditDatabase(db.prisma, {
    origin: ORIGIN,
    verifierKey: db.config.verifierKey,
    checkpointFile: options.file ? file : undefined,
    mirrors: options.mirror ? [mirror] : [],
    policy,
  });
}

async function cosignAll(): Promise<void> {
  const verifier = parseVerifierKey(db.config.verifierKey);
  for (const row of await db.prisma.checkpoint.findMany({ orderBy: { size: "asc" } })) {
    const text = openCheckpoint(row.note, ORIGIN, [verifier]).note.text;
    const time = 1_800_000_000 + Number(row.size);
    await recordCosignature(db.prisma, { key: witness.verifierKey, name: "w1" }, Number(row.size), cosigner.cosign(text, time).trimEnd(), time);
  }
}

beforeAll(async () => {
  db = await auditedDatabase();
  dir = await mkdtemp(join(tmpdir(), "gongshi-audit-"));
  file = join(dir, "last-checkpoint");
  policy = parseWitnessPolicy(`log ${db.config.verifierKey}\nwitness w1 ${witness.verifierKey}\nquorum w1\n`);
  await cosignAll();
  const latest = await db.prisma.checkpoint.findFirstOrThrow({ orderBy: { size: "desc" } });
  mirrorNote = latest.note;
  server = http.createServer((req, res) => {
    if (req.url === "/log/checkpoint") res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(mirrorNote);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
  await db.tearDown();
});

describe("log:audit against outside checkpoints", () => {
  it("finds nothing in a clean log, and saves its newest checkpoint to the file", async () => {
    const first = await audit();
    expect(first).toMatchObject({ size: 11, checkpoints: 4, discrepancies: [], saved: 11 });
    const latest = await db.prisma.checkpoint.findFirstOrThrow({ orderBy: { size: "desc" } });
    expect(await readFile(file, "utf8")).toBe(latest.note);
    // The second run compares against what the first saved.
    expect((await audit()).discrepancies).toEqual([]);
  });

  it("names a mirror showing a fork, a mirror it cannot read, and a saved file not signed by the log", async () => {
    const signer = db.config.signer;
    mirrorNote = signCheckpoint({ origin: ORIGIN, size: 11, rootHash: asHash(new Uint8Array(32)), extensions: [] }, signer);
    const saved = await readFile(file, "utf8");
    await writeFile(file, saved.replace(`\n11\n`, `\n12\n`));
    const report = await audit();
    expect(report.discrepancies).toContainEqual({ where: `mirror ${mirror}`, message: "its checkpoint (size 11) signs the log's size 11 with another root: a fork" });
    expect(report.discrepancies).toContainEqual({ where: `checkpoint file ${file}`, message: expect.stringMatching(/^is not a checkpoint signed by this log/) });
    expect(report.saved).toBeNull();
    expect(await readFile(file, "utf8")).not.toBe(saved);
    const unreachable = await auditDatabase(db.prisma, { origin: ORIGIN, verifierKey: db.config.verifierKey, mirrors: ["http://127.0.0.1:1"] });
    expect(unreachable.discrepancies).toContainEqual({ where: "mirror http://127.0.0.1:1", message: expect.stringMatching(/could not be read/) });
    mirrorNote = saved;
    await writeFile(file, saved);
    expect((await audit()).discrepancies).toEqual([]);
  });

  it("catches a rollback of the last three entries through the saved checkpoint, the mirror and the witness", async () => {
    await tamper(
      db,
      `INSERT INTO log_queue (notice_version_id) SELECT notice_version_id FROM log_entry WHERE index >= 8;
       DELETE FROM log_entry WHERE index >= 8;
       DELETE FROM checkpoint WHERE size > 8;
       INSERT INTO tree_tile (level, n, width, data) SELECT 0, 0, 8, substring(data from 1 for 256) FROM tree_tile
         WHERE level = 0 AND n = 0 AND width = 11 ON CONFLICT DO NOTHING;
       DELETE FROM tree_tile WHERE level = 0 AND width > 8;`,
    );
    // The log replayed against itself sees a consistent log of 8 entries, 3 versions waiting.
    expect((await auditLog(db.prisma, ORIGIN, db.config.verifierKey)).discrepancies).toEqual([]);

    const onlyFile = await audit({ file: true });
    expect(onlyFile.discrepancies).toContainEqual({
      where: `checkpoint file ${file}`,
      message: "the checkpoint saved by the last audit (size 11) signs 11 entries but the log holds 8: the log was rolled back",
    });
    expect(onlyFile.saved).toBeNull();
    const onlyMirror = await audit({ mirror: true });
    expect(onlyMirror.discrepancies).toContainEqual({
      where: `mirror ${mirror}`,
      message: "its checkpoint (size 11) signs 11 entries but the log holds 8: the log was rolled back",
    });
    const onlyWitness = await audit({});
    const cosignature = await db.prisma.cosignature.findFirstOrThrow({ where: { checkpointSize: 11 } });
    expect(onlyWitness.discrepancies).toEqual([
      {
        where: `cosignature ${cosignature.id} by witness.example on checkpoint 11`,
        message: "the witness cosigned a tree of 11 entries, but the log holds 8 and no checkpoint of that size: the log was rolled back",
      },
      { where: "witness w1", message: "cosigned a tree of 11 entries, but the log holds 8: the log was rolled back" },
    ]);
  });

  it("catches the rolled-back tail logged again as a different history", async () => {
    await commitPending(db.prisma, db.config);
    expect((await auditLog(db.prisma, ORIGIN, db.config.verifierKey)).discrepancies).toEqual([]);
    const report = await audit();
    const cosignature = await db.prisma.cosignature.findFirstOrThrow({ where: { checkpointSize: 11 } });
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        { where: `checkpoint file ${file}`, message: "the checkpoint saved by the last audit (size 11) signs the log's size 11 with another root: a fork" },
        { where: `mirror ${mirror}`, message: "its checkpoint (size 11) signs the log's size 11 with another root: a fork" },
        { where: `cosignature ${cosignature.id} by witness.example on checkpoint 11`, message: "does not verify on the stored checkpoint under the stored witness key" },
      ]),
    );
  });

  it("names a witness's cosignature whose checkpoint row was deleted", async () => {
    await tamper(db, `DELETE FROM checkpoint WHERE size = 6`);
    const cosignature = await db.prisma.cosignature.findFirstOrThrow({ where: { checkpointSize: 6 } });
    expect((await audit({})).discrepancies).toContainEqual({
      where: `cosignature ${cosignature.id} by witness.example on checkpoint 6`,
      message: "the log no longer stores the checkpoint this witness cosigned (its cosignature still verifies on the tree the log holds at that size)",
    });
  });
});
