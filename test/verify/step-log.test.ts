/**
 * Steps 2–4 (lib/core/verify/step-log.ts) on data another implementation produced:
 * transparency-dev/tessera's tlog-proof for entry 2 ("three") of its 15-entry test log
 * (test/verify/testdata), read apart into the leaf hash, the proof and the signed checkpoint.
 * Each answer is checked whole, the sentence for people included.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatHash, generateKey, hashLeaf, parseTlogProof, parseVerifierKey, utf8 } from "@/lib/core/log";
import { checkInclusion, checkLeafHash, checkSignature, readCheckpoint } from "@/lib/core/verify/step-log";

const KEY = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
const LOG = { origin: "example.com/log/testdata", verifierKey: KEY };
const ROOT = "rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=";
const tlog = parseTlogProof(readFileSync("test/verify/testdata/tessera-index2.tlog-proof", "utf8"));
const NOTE = tlog.checkpoint;
const PROOF = tlog.proof.map(formatHash);
const LEAF = readFileSync("test/verify/testdata/tessera-index2.entry");
const LEAF_HASH = formatHash(hashLeaf(new Uint8Array(LEAF)));
const entry = (index: number, leafHash = LEAF_HASH) => ({ index, leaf: LEAF.toString("base64"), leafHash });

describe("checkLeafHash", () => {
  it("passes the entry's bytes against their RFC 6962 leaf hash", () => {
    expect(checkLeafHash(new Uint8Array(LEAF), entry(2))).toEqual({
      step: "leaf",
      status: "ok",
      code: "leaf-ok",
      detail: `the rebuilt leaf is entry 2's leaf (hash ${LEAF_HASH})`,
    });
  });

  it("fails other bytes, naming both hashes", () => {
    const other = utf8("thref");
    expect(checkLeafHash(other, entry(2))).toEqual({
      step: "leaf",
      status: "failed",
      code: "leaf-hash-mismatch",
      detail: `the leaf rebuilt from the content hashes to ${formatHash(hashLeaf(other))}, not to the log entry's ${LEAF_HASH}`,
    });
  });

  it("fails a claimed leaf hash that is not a base64 SHA-256 hash", () => {
    for (const bad of ["", "AAAA", LEAF_HASH.slice(1)]) {
      expect(checkLeafHash(new Uint8Array(LEAF), entry(2, bad))).toEqual({
        step: "leaf",
        status: "failed",
        code: "bad-leaf-hash",
        detail: "the log entry's leaf hash is not a base64 SHA-256 hash",
      });
    }
  });
});

describe("readCheckpoint", () => {
  it("reads size and root from the text above the last blank line, without checking signatures", () => {
    const c = readCheckpoint(NOTE)!;
    expect([c.origin, c.size, formatHash(c.rootHash)]).toEqual([LOG.origin, 15, ROOT]);
    // Signatures are not read: a note with its signature removed still gives the tree.
    expect(readCheckpoint(NOTE.slice(0, NOTE.indexOf("\n\n") + 2))?.size).toBe(15);
  });

  it("gives null for text with no blank line or no checkpoint above it", () => {
    expect(readCheckpoint(NOTE.replace("\n\n", "\n"))).toBeNull();
    expect(readCheckpoint("not a checkpoint\n\n— sig\n")).toBeNull();
  });
});

describe("checkInclusion", () => {
  it("passes Tessera's proof for entry 2 in its tree of 15", () => {
    expect(checkInclusion(entry(2), PROOF, NOTE)).toEqual({
      step: "inclusion",
      status: "ok",
      code: "inclusion-ok",
      detail: "entry 2 is in the tree of 15 entries",
      checkpoint: { size: 15, rootHash: ROOT },
    });
  });

  it("refuses an index outside the tree before reading the proof", () => {
    for (const index of [15, 16, -1, 1.5, Number.NaN]) {
      expect(checkInclusion(entry(index), ["not a hash"], NOTE)).toEqual({
        step: "inclusion",
        status: "failed",
        code: "index-beyond-checkpoint",
        detail: `entry ${index} is not in a checkpoint of 15 entries`,
      });
    }
  });

  it("runs the proof for the first and the last index of the tree, where entry 2's proof fails as another entry's", () => {
    // Index 14 is the lone right edge of a tree of 15: its proof is shorter than entry 2's.
    expect([0, 14].map((index) => checkInclusion(entry(index), PROOF, NOTE).code)).toEqual(["root-mismatch", "proof-too-long"]);
  });

  it("fails a malformed checkpoint, a malformed proof hash and a proof that leads elsewhere, each with its own code", () => {
    expect(checkInclusion(entry(2), PROOF, NOTE.replace("\n15\n", "\nfifteen\n"))).toEqual({
      step: "inclusion",
      status: "failed",
      code: "bad-checkpoint",
      detail: "the checkpoint is not a well-formed C2SP checkpoint",
    });
    expect(checkInclusion(entry(2), [...PROOF.slice(1), "AAAA"], NOTE)).toEqual({
      step: "inclusion",
      status: "failed",
      code: "bad-proof",
      detail: "an inclusion proof hash is not a base64 SHA-256 hash",
    });
    expect(checkInclusion(entry(2), PROOF.slice(1), NOTE)).toEqual({
      step: "inclusion",
      status: "failed",
      code: "proof-too-short",
      detail: "the inclusion proof does not lead to the checkpoint's root (proof-too-short)",
    });
    expect(checkInclusion(entry(3), PROOF, NOTE).detail).toBe("the inclusion proof does not lead to the checkpoint's root (root-mismatch)");
  });
});

describe("checkSignature", () => {
  it("passes Tessera's checkpoint under its published key", () => {
    expect(checkSignature(NOTE, LOG)).toEqual({
      step: "signature",
      status: "ok",
      code: "signature-ok",
      detail: "checkpoint of 15 entries for example.com/log/testdata is signed by example.com/log/testdata",
      checkpoint: { size: 15, rootHash: ROOT },
    });
  });

  it("names the expected key when the checkpoint is signed by another", () => {
    const other = generateKey(LOG.origin).verifierKey;
    const id = other.split("+")[1];
    expect(checkSignature(NOTE, { ...LOG, verifierKey: other })).toEqual({
      step: "signature",
      status: "failed",
      code: "no-known-signature",
      detail: `the checkpoint is not signed by the log key example.com/log/testdata+${id}`,
    });
  });

  it("fails another origin, a bad key and an altered checkpoint, each saying why", () => {
    expect(checkSignature(NOTE, { ...LOG, origin: "example.com/other" })).toEqual({
      step: "signature",
      status: "failed",
      code: "wrong-origin",
      detail: 'checkpoint is for origin "example.com/log/testdata", expected "example.com/other"',
    });
    const badKey = KEY.replace("+33d7b496+", "+33d7b497+");
    let why = "";
    try {
      parseVerifierKey(badKey);
    } catch (e) {
      why = (e as Error).message;
    }
    expect(why).not.toBe("");
    expect(checkSignature(NOTE, { ...LOG, verifierKey: badKey })).toEqual({
      step: "signature",
      status: "failed",
      code: "bad-key",
      detail: `the verifier key is not a valid Ed25519 note key: ${why}`,
    });
    const noBlank = checkSignature(NOTE.replace("\n\n", "\n"), LOG);
    expect(noBlank).toMatchObject({ step: "signature", status: "failed" });
    expect(noBlank.code).not.toMatch(/^(no-known-signature|wrong-origin)$/);
    expect(noBlank.detail.startsWith("the checkpoint does not verify: ")).toBe(true);
    expect(noBlank.detail.length).toBeGreaterThan("the checkpoint does not verify: ".length);
  });
});
