/**
 * The witness's decision (lib/core/log/witness-check.ts) without a server: each answer code of
 * C2SP tlog-witness, and the order of the checks when a request fails several at once.
 */
import { describe, expect, it } from "vitest";
import {
  EMPTY_ROOT,
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

describe("openAddCheckpoint", () => {
  it("returns the verified checkpoint, its text and the log's signatures", async () => {
    const signed = await note(10);
    const opened = openAddCheckpoint(body(0, [], signed), keysFor);
    expect(opened.status).toBe("signed");
    if (opened.status !== "signed") return;
    expect(opened.origin).toBe(ORIGIN);
    expect(opened.signed.checkpoint.size).toBe(10);
    expect(opened.signed.text).toBe(signed.slice(0, signed.indexOf("\n\n") + 1));
    expect(opened.signed.logSignatures.map((s) => s.name)).toEqual([ORIGIN]);
    expect(opened.signed.request.oldSize).toBe(0);
  });

  it("answers 400 with the parser's reason for a malformed request or checkpoint", async () => {
    const signed = await note(10);
    expect(openAddCheckpoint("old 1\n", keysFor)).toEqual({ status: 400, reason: "request has no empty line before the checkpoint" });
    expect(openAddCheckpoint(body(0, [], signed.slice(0, signed.indexOf("\n\n") + 1)), keysFor)).toEqual({ status: 400, reason: "the checkpoint has no signatures" });
    expect(openAddCheckpoint(body(0, [], "\n7\nAAAA\n\n\u2014 x AAAAAQE=\n"), keysFor)).toEqual({ status: 400, reason: "checkpoint origin is empty" });
    // A checkpoint that starts with its blank line has an empty text, not a missing signature block.
    expect(openAddCheckpoint(body(0, [], "\n\n\u2014 x AAAAAQE=\n"), keysFor)).toEqual({ status: 400, reason: "checkpoint needs origin, size and root hash lines" });
    // A signature line that does not parse is malformed, not a failed signature.
    expect(openAddCheckpoint(body(0, [], signed + "- not a signature line\n"), keysFor)).toEqual({
      status: 400,
      reason: "signature line does not start with an em dash and a space",
    });
  });

  it("answers 404 for an origin without keys", async () => {
    const signed = await note(10);
    expect(openAddCheckpoint(body(0, [], signed), () => undefined)).toEqual({ status: 404, origin: ORIGIN, reason: "unknown log origin" });
    expect(openAddCheckpoint(body(0, [], signed), () => [])).toEqual({ status: 404, origin: ORIGIN, reason: "unknown log origin" });
  });

  it("answers 403 when no trusted key signed or a signature fails", async () => {
    const signed = await note(10);
    const other = parseVerifierKey(generateKey(ORIGIN).verifierKey);
    expect(openAddCheckpoint(body(0, [], signed), () => [other])).toEqual({ status: 403, origin: ORIGIN, reason: "note is not signed by any known key" });
    const cut = signed.indexOf("\n\n");
    const changed = signed.slice(0, cut - 2) + (signed[cut - 2] === "A" ? "B" : "A") + signed.slice(cut - 1);
    expect(openAddCheckpoint(body(0, [], changed), keysFor)).toMatchObject({ status: 403, origin: ORIGIN, reason: `invalid signature for key ${ORIGIN}` });
  });

  it("lets an error that is not the client's fault through instead of answering with it", async () => {
    const broken: NoteVerifier = {
      ...parseVerifierKey(key.verifierKey),
      verify: () => {
        throw new TypeError("a bug in a verifier");
      },
    };
    const signed = await note(10);
    expect(() => openAddCheckpoint(body(0, [], signed), () => [broken])).toThrow(TypeError);
  });
});

describe("checkAddCheckpoint: reasons and state", () => {
  it("says why it refuses", async () => {
    const at10 = { size: 10, rootHash: await root(10) };
    expect(await decide(body(31, [], await note(30)), at10)).toEqual({ status: 400, reason: "old size 31 is larger than the checkpoint size 30" });
    expect(await decide(body(5, [], await note(30)), at10)).toEqual({ status: 409, size: 10, fork: false, reason: "old size 5 is not the size last cosigned, 10" });
    expect(await decide(body(10, [], await note(10, await root(11))), at10)).toEqual({
      status: 409,
      size: 10,
      fork: true,
      reason: "a different root hash at size 10, the size last cosigned: a fork",
    });
    expect(await decide(body(0, [await root(1)], await note(10)), null)).toEqual({ status: 422, evidence: false, reason: "a consistency proof was sent with old size 0" });
    expect(await decide(body(0, [], await note(0, sha256Hash(utf8("not empty")))), null)).toEqual({
      status: 422,
      evidence: true,
      reason: "an empty tree whose root is not SHA-256 of nothing",
    });
    const proof = await proveConsistency(10, 30, log.reader());
    expect(await decide(body(10, proof.slice(1), await note(30)), at10)).toEqual({
      status: 422,
      evidence: true,
      reason: expect.stringMatching(/^the consistency proof does not verify \(.+\)$/) as string,
    });
  });

  it("a log never cosigned answers 409 with size 0 to any other old size", async () => {
    expect(await decide(body(10, [], await note(30)), null)).toEqual({ status: 409, size: 0, fork: false, reason: "old size 10 is not the size last cosigned, 0" });
  });

  it("an empty tree cosigned before: the same empty tree does not advance, a larger tree does", async () => {
    const empty = { size: 0, rootHash: EMPTY_ROOT };
    expect(await decide(body(0, [], await note(0)), empty)).toEqual({ status: 200, advances: false });
    expect(await decide(body(0, [], await note(5)), empty)).toEqual({ status: 200, advances: true });
    expect(await decide(body(0, [], await note(0, sha256Hash(utf8("not empty")))), empty)).toMatchObject({ status: 409, fork: true });
  });

  it("the same size with the same root is cosigned again but does not advance", async () => {
    const at30 = { size: 30, rootHash: await root(30) };
    expect(await decide(body(30, [], await note(30)), at30)).toEqual({ status: 200, advances: false });
    const proof = await proveConsistency(30, 31, log.reader());
    expect(await decide(body(30, proof, await note(31)), at30)).toEqual({ status: 200, advances: true });
  });
});
