/**
 * The witness cosigning a log written by another implementation (transparency-dev/tessera
 * test data in test/log/testdata/tessera-log): checkpoints 1 → 5 → 15 with consistency proofs
 * computed from the log's own tiles, every answer code of C2SP tlog-witness for it, and a
 * fork signed with the Tessera key. Its private key is public test data:
 * transparency-dev/trillian-tessera testdata/build_log.sh (LOG_PRIVATE_KEY).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  formatAddCheckpointRequest,
  generateKey,
  hashLeaf,
  memoryTileReader,
  openCheckpoint,
  parseCheckpoint,
  parseCosignatureVerifierKey,
  parseSignatureLines,
  parseSignerKey,
  parseVerifierKey,
  proveConsistency,
  sha256Hash,
  signCheckpoint,
  tileHashReader,
  toHex,
  treeHash,
  utf8,
  verifyCosignatures,
  type Hash,
  type TileData,
} from "@/lib/core/log";
import { TileLog } from "../log/helpers";
import { get, post, setUpWitness, startWitness, stopWitness, type RunningWitness } from "./harness";

const ORIGIN = "example.com/log/testdata";
const LOG_KEY = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
const LOG_PRIVATE_KEY = "PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg";
const CHECKPOINT_URL = `/${toHex(sha256Hash(utf8(ORIGIN)))}/checkpoint`;
const read = (p: string) => readFileSync(path.resolve("test/log/testdata/tessera-log", p));
const checkpoint = (n: number) => read(`checkpoint.${n}`).toString("utf8");
const textOf = (note: string) => note.slice(0, note.lastIndexOf("\n\n") + 1);
const tiles: TileData[] = Array.from({ length: 15 }, (_, i) => ({ tile: { level: 0, n: 0, width: i + 1 }, data: new Uint8Array(read(`tile/0/000.p/${i + 1}`)) }));
const proof = (from: number, to: number) => proveConsistency(from, to, tileHashReader(to, memoryTileReader(tiles)));
const body = (oldSize: number, proofHashes: readonly Hash[], signedCheckpoint: string) => formatAddCheckpointRequest({ oldSize, proof: proofHashes, signedCheckpoint });
const tessera = parseSignerKey(LOG_PRIVATE_KEY);

let dir: string;
let witness: RunningWitness;
let vkey: string;

function expectCosigned(reply: { status: number; contentType: string | null; body: string }, note: string): void {
  expect(reply.status, reply.body).toBe(200);
  expect(reply.contentType).toBe("text/plain; charset=utf-8");
  const { valid, invalid } = verifyCosignatures(textOf(note), parseSignatureLines(reply.body), [parseCosignatureVerifierKey(vkey)]);
  expect(invalid).toEqual([]);
  expect(valid).toHaveLength(1);
  // The same lines do not verify on another checkpoint.
  expect(verifyCosignatures(textOf(checkpoint(2)), parseSignatureLines(reply.body), [parseCosignatureVerifierKey(vkey)]).valid).toHaveLength(0);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gongshi-witness-tessera-"));
  vkey = setUpWitness(dir, "witness.test/tessera", [{ origin: ORIGIN, key: LOG_KEY }]);
  witness = await startWitness(dir);
});
afterAll(async () => {
  await stopWitness(witness);
  rmSync(dir, { recursive: true, force: true });
});

describe("gongshi-witness with the Tessera test log", () => {
  it("uses Tessera's published test key, which derives the README's verifier key", () => {
    expect(tessera.verifierKey).toBe(LOG_KEY);
  });

  it("has no checkpoint before the first cosignature", async () => {
    expect((await get(witness.url, CHECKPOINT_URL)).status).toBe(404);
  });

  it('answers 422 for a proof sent with old 0, and for an empty tree whose root is not SHA-256("")', async () => {
    const one = await proof(1, 5);
    expect((await post(witness.url, body(0, one.slice(0, 1), checkpoint(1)))).status).toBe(422);
    const badEmpty = signCheckpoint({ origin: ORIGIN, size: 0, rootHash: sha256Hash(utf8("x")), extensions: [] }, tessera);
    expect((await post(witness.url, body(0, [], badEmpty))).status).toBe(422);
  });

  it("cosigns checkpoints 1 → 5 → 15 with consistency proofs from the log's tiles", async () => {
    expectCosigned(await post(witness.url, body(0, [], checkpoint(1))), checkpoint(1));
    expectCosigned(await post(witness.url, body(1, await proof(1, 5), checkpoint(5))), checkpoint(5));
    const latest = await get(witness.url, CHECKPOINT_URL);
    expect(latest.status).toBe(200);
    expect(textOf(latest.body)).toBe(textOf(checkpoint(5)));
    expect(openCheckpoint(latest.body, ORIGIN, [parseVerifierKey(LOG_KEY)]).checkpoint.size).toBe(5);
    expect(openCheckpoint(latest.body, ORIGIN, [parseCosignatureVerifierKey(vkey)]).checkpoint.size).toBe(5);
  });

  it("answers 409 with the size it cosigned when old is stale", async () => {
    for (const old of [0, 1, 4]) {
      const reply = await post(witness.url, body(old, old === 0 ? [] : await proof(old, 15), checkpoint(15)));
      expect(reply.status).toBe(409);
      expect(reply.contentType).toBe("text/x.tlog.size");
      expect(reply.body).toBe("5\n");
    }
  });

  it("answers 422 for a consistency proof that does not verify", async () => {
    const good = await proof(5, 15);
    for (let i = 0; i < good.length; i++) {
      const bad = good.map((h, j) => (j === i ? (Uint8Array.from(h, (b, k) => (k === 0 ? b ^ 1 : b)) as Hash) : h));
      expect((await post(witness.url, body(5, bad, checkpoint(15)))).status, `hash ${i}`).toBe(422);
    }
    expect((await post(witness.url, body(5, good.slice(1), checkpoint(15)))).status).toBe(422);
    expect((await post(witness.url, body(5, [...good, good[0]!], checkpoint(15)))).status).toBe(422);
  });

  it("answers 403 for a checkpoint signed by another key, or with a tampered signature or text", async () => {
    const other = parseSignerKey(generateKey(ORIGIN).signerKey);
    const cp15 = parseCheckpoint(textOf(checkpoint(15)));
    expect((await post(witness.url, body(5, await proof(5, 15), signCheckpoint(cp15, other)))).status).toBe(403);
    const real = checkpoint(15);
    const at = real.lastIndexOf(" ") + 10;
    const tamperedSig = real.slice(0, at) + (real[at] === "A" ? "B" : "A") + real.slice(at + 1);
    expect((await post(witness.url, body(5, await proof(5, 15), tamperedSig))).status).toBe(403);
    const tamperedText = real.replace("\n15\n", "\n14\n");
    expect((await post(witness.url, body(5, await proof(5, 14), tamperedText))).status).toBe(403);
  });

  it("answers 404 for an unknown origin and 400 for malformed requests or old > size", async () => {
    const stranger = parseSignerKey(generateKey("example.com/other").signerKey);
    const otherCp = signCheckpoint({ origin: "example.com/other", size: 1, rootHash: sha256Hash(utf8("y")), extensions: [] }, stranger);
    expect((await post(witness.url, body(0, [], otherCp))).status).toBe(404);
    for (const bad of [
      "",
      "hello",
      `old 05\n\n${checkpoint(15)}`,
      `old 5\nnot-a-hash\n\n${checkpoint(15)}`,
      `old 5\n${checkpoint(15)}`,
      "old 5\n\nnot a checkpoint\n\n— x AAAA\n",
    ]) {
      expect((await post(witness.url, bad)).status, JSON.stringify(bad.slice(0, 20))).toBe(400);
    }
    expect((await post(witness.url, body(16, [], checkpoint(15)))).status).toBe(400);
    expect((await post(witness.url, Buffer.from([0x6f, 0x6c, 0x64, 0x20, 0xff]) as unknown as string)).status).toBe(400);
  });

  it("answers 413 for a body over 16 KiB without reading it, 405 and 404 for other requests", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${witness.url}/add-checkpoint`, { method: "POST", headers: { "Content-Length": 10_000_000 } }, (res) => resolve(res.statusCode!));
      req.on("error", reject);
      req.write("old 0\n"); // and nothing more: the answer must not wait for the other 10 MB
    });
    expect(status).toBe(413);
    expect((await post(witness.url, `old 0\n${"A".repeat(17 * 1024)}`)).status).toBe(413);
    expect((await get(witness.url, "/add-checkpoint")).status).toBe(405);
    expect((await fetch(`${witness.url}${CHECKPOINT_URL}`, { method: "POST", body: "x" })).status).toBe(405);
    expect((await get(witness.url, "/nothing")).status).toBe(404);
    expect((await get(witness.url, `/${"0".repeat(64)}/checkpoint`)).status).toBe(404);
  });

  it("cosigns 5 → 15 and shows it, with both signatures, after the refusals", async () => {
    expectCosigned(await post(witness.url, body(5, await proof(5, 15), checkpoint(15))), checkpoint(15));
    // The same checkpoint again is cosigned again; nothing moves.
    expectCosigned(await post(witness.url, body(15, [], checkpoint(15))), checkpoint(15));
    const latest = await get(witness.url, CHECKPOINT_URL);
    expect(textOf(latest.body)).toBe(textOf(checkpoint(15)));
    expect(latest.body).toContain(checkpoint(15).slice(textOf(checkpoint(15)).length + 1)); // the log's signature line
    expect(openCheckpoint(latest.body, ORIGIN, [parseCosignatureVerifierKey(vkey)]).checkpoint.size).toBe(15);
  });

  it("refuses a fork signed with the Tessera key: 409 at size 15, 422 at a larger size, and keeps both as evidence", async () => {
    const forkedRoot = await treeHash(
      15,
      tileHashReader(15, memoryTileReader([{ tile: { level: 0, n: 0, width: 15 }, data: Uint8Array.from(read("tile/0/000.p/15"), (b, i) => (i === 0 ? b ^ 1 : b)) }])),
    );
    const fork15 = signCheckpoint({ origin: ORIGIN, size: 15, rootHash: forkedRoot, extensions: [] }, tessera);
    const reply = await post(witness.url, body(15, [], fork15));
    expect(reply.status).toBe(409);
    expect(reply.contentType).toBe("text/x.tlog.size");
    expect(reply.body).toBe("15\n");

    const other = new TileLog();
    other.append(Array.from({ length: 20 }, (_, i) => hashLeaf(utf8(`forked ${i}`))));
    const fork20 = signCheckpoint({ origin: ORIGIN, size: 20, rootHash: await treeHash(20, other.reader()), extensions: [] }, tessera);
    expect((await post(witness.url, body(15, await proveConsistency(15, 20, other.reader()), fork20))).status).toBe(422);

    const evidence = readdirSync(path.join(dir, "evidence"));
    const fork = evidence.find((f) => f.startsWith("fork-"));
    const failed = evidence.find((f) => f.startsWith("proof-") && readFileSync(path.join(dir, "evidence", f), "utf8").includes(fork20));
    expect(fork).toBeDefined();
    expect(failed).toBeDefined();
    const forkText = readFileSync(path.join(dir, "evidence", fork!), "utf8");
    expect(forkText).toContain(fork15);
    expect(forkText).toContain(textOf(checkpoint(15)));
    expect(witness.stderr()).toMatch(/ALERT FORK of "example\.com\/log\/testdata" at size 15/);
    expect(witness.stderr()).not.toContain("PRIVATE+KEY");
    // Still at the real 15.
    expect(textOf((await get(witness.url, CHECKPOINT_URL)).body)).toBe(textOf(checkpoint(15)));
  });

  it("never answers 5xx, whatever byte of a request is changed", async () => {
    const valid = body(5, await proof(5, 15), checkpoint(15));
    const statuses = new Set<number>();
    for (let at = 0; at < valid.length; at += 3) {
      for (const c of ["A", "\n", " ", "\u2014", "\u0000"]) {
        const reply = await post(witness.url, valid.slice(0, at) + c + valid.slice(at + 1));
        statuses.add(reply.status);
        expect(reply.status, `byte ${at} → ${JSON.stringify(c)}`).toBeLessThan(500);
      }
    }
    expect([...statuses].every((s) => [400, 403, 404, 409, 422].includes(s))).toBe(true);
    expect(textOf((await get(witness.url, CHECKPOINT_URL)).body)).toBe(textOf(checkpoint(15)));
  });

  it("keeps its state across a restart", async () => {
    await stopWitness(witness);
    witness = await startWitness(dir);
    const reply = await post(witness.url, body(5, await proof(5, 15), checkpoint(15)));
    expect(reply.status).toBe(409);
    expect(reply.body).toBe("15\n");
    expect(textOf((await get(witness.url, CHECKPOINT_URL)).body)).toBe(textOf(checkpoint(15)));
  });
});
