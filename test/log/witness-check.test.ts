/**
 * The witness's decision (lib/core/log/witness-check.ts) without a server: each answer code of
 * C2SP tlog-witness, and the order of the checks when a request fails several at once.
 */
import { describe, expect, it } from "vitest";
import {
  checkAddCheckpoint,
  formatAddCheckpointRequest,
  generateKey,
  openAddCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  proveConsistency,
  sha256Hash,
  signCheckpoint,
  treeHash,
  utf8,
  type CosignedState,
  type Hash,
  type NoteVerifier,
} from "@/lib/core/log";
import { TileLog, leafHashes } from "./helpers";

const ORIGIN = "check.test/log";
const key = generateKey(ORIGIN);
const signer = parseSignerKey(key.signerKey);
const keys = new Map<string, NoteVerifier[]>([[ORIGIN, [parseVerifierKey(key.verifierKey)]]]);
const keysFor = (origin: string) => keys.get(origin);
const log = new TileLog();
log.append(leafHashes(40));
const root = (size: number) => treeHash(size, log.reader(size));
const note = async (size: number, rootHash?: Hash) => signCheckpoint({ origin: ORIGIN, size, rootHash: rootHash ?? (await root(size)), extensions: [] }, signer);
const body = (oldSize: number, proof: readonly Hash[], signedCheckpoint: string) => formatAddCheckpointRequest({ oldSize, proof, signedCheckpoint });

async function decide(requestBody: string, latest: CosignedState | null) {
  const opened = openAddCheckpoint(requestBody, keysFor);
  return opened.status === "signed" ? checkAddCheckpoint(opened.signed, latest) : opened;
}

describe("checkAddCheckpoint", () => {
  it("accepts a first checkpoint and a consistent next one", async () => {
    expect(await decide(body(0, [], await note(10)), null)).toEqual({ status: 200, advances: true });
    const at10 = { size: 10, rootHash: await root(10) };
    expect(await decide(body(10, await proveConsistency(10, 30, log.reader()), await note(30)), at10)).toEqual({ status: 200, advances: true });
    expect(await decide(body(10, [], await note(10)), at10)).toEqual({ status: 200, advances: false });
  });

  it("answers each refusal with the spec's code", async () => {
    const at10 = { size: 10, rootHash: await root(10) };
    const proof = await proveConsistency(10, 30, log.reader());
    expect((await decide("old 1\n", at10)).status).toBe(400);
    const stranger = parseSignerKey(generateKey("other.test/log").signerKey);
    expect((await decide(body(0, [], signCheckpoint({ origin: "other.test/log", size: 1, rootHash: await root(1), extensions: [] }, stranger)), null)).status).toBe(404);
    const impostor = parseSignerKey(generateKey(ORIGIN).signerKey);
    expect((await decide(body(10, proof, signCheckpoint({ origin: ORIGIN, size: 30, rootHash: await root(30), extensions: [] }, impostor)), at10)).status).toBe(403);
    expect(await decide(body(31, [], await note(30)), at10)).toMatchObject({ status: 400 });
    expect(await decide(body(5, [], await note(30)), at10)).toMatchObject({ status: 409, size: 10, fork: false });
    expect(await decide(body(10, proof.slice(1), await note(30)), at10)).toMatchObject({ status: 422, evidence: true });
    expect(await decide(body(10, [], await note(10, await root(11))), at10)).toMatchObject({ status: 409, size: 10, fork: true });
    expect(await decide(body(5, [], await note(10, await root(11))), at10)).toMatchObject({ status: 409, size: 10, fork: true });
    expect(await decide(body(5, [], await note(10)), at10)).toMatchObject({ status: 409, size: 10, fork: false });
    expect(await decide(body(0, [await root(1)], await note(10)), null)).toMatchObject({ status: 422, evidence: false });
    expect(await decide(body(0, [], await note(0, sha256Hash(utf8("not empty")))), null)).toMatchObject({ status: 422 });
    expect(await decide(body(0, [], await note(0)), null)).toEqual({ status: 200, advances: true });
  });

  it("checks in litewitness's order: signature before sizes, old > size before stale, stale before proof", async () => {
    const at10 = { size: 10, rootHash: await root(10) };
    const impostor = parseSignerKey(generateKey(ORIGIN).signerKey);
    const forged = signCheckpoint({ origin: ORIGIN, size: 30, rootHash: await root(30), extensions: [] }, impostor);
    expect((await decide(body(40, [], forged), at10)).status).toBe(403);
    expect((await decide(body(40, [], await note(30)), at10)).status).toBe(400);
    expect((await decide(body(5, [await root(1)], await note(30)), at10)).status).toBe(409);
    // A fork at the size last cosigned is a 409 even with a proof attached.
    expect(await decide(body(10, [await root(1)], await note(10, await root(11))), at10)).toMatchObject({ status: 409, fork: true });
  });
});
