/**
 * c2sp.org/tlog-proof@v1 (lib/core/log/tlog-proof.ts): what the parser refuses, with the
 * message a verifier shows, and its limits. The proofs are the golden one of
 * test/log/testdata/golden-formats.json and tessera's proof of entry 2 in a 15-entry log
 * (test/verify/testdata/tessera-index2.tlog-proof).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_NOTE_BYTES, TLOG_PROOF_HEADER, formatHash, formatTlogProof, parseTlogProof, parseVerifierKey, verifyTlogProof, type CodedError, type Hash } from "@/lib/core/log";
import { readJson } from "./helpers";

const golden = readJson<{ tlogProof: { text: string } }>("golden-formats.json").tlogProof.text;
const tessera = readFileSync(new URL("../verify/testdata/tessera-index2.tlog-proof", import.meta.url), "utf8");
const tesseraEntry = readFileSync(new URL("../verify/testdata/tessera-index2.entry", import.meta.url));
const tesseraKey = parseVerifierKey("example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx");
const HASH = formatHash(new Uint8Array(32).fill(1) as Hash);

function refusal(text: string): [string, string, string] | null {
  try {
    parseTlogProof(text);
  } catch (e) {
    return [(e as CodedError).name, (e as CodedError).code, (e as CodedError).message];
  }
  return null;
}

/** The golden proof with its lines before the empty line replaced. */
function withHead(...lines: string[]): string {
  return lines.join("\n") + golden.slice(golden.indexOf("\n\n"));
}

describe("a tlog-proof", () => {
  it("from tessera parses and verifies with the log's key", () => {
    const parsed = parseTlogProof(tessera);
    expect(parsed.index).toBe(2);
    expect(parsed.proof).toHaveLength(4);
    expect(parsed.extra).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(["index", "proof", "checkpoint"]);
    expect(parsed.checkpoint).toBe(tessera.slice(tessera.indexOf("\n\n") + 2));
    expect(formatTlogProof(parsed)).toBe(tessera);
    const { checkpoint } = verifyTlogProof(tessera, tesseraEntry, "example.com/log/testdata", [tesseraKey]);
    expect(checkpoint.size).toBe(15);
  });

  it("is refused with a message naming what is wrong", () => {
    expect(refusal(golden.replace("tlog-proof@v1", "tlog-proof@v2"))).toEqual(["FormatError", "bad-tlog-proof", `proof does not start with ${TLOG_PROOF_HEADER}`]);
    expect(refusal("\n\n" + golden)).toEqual(["FormatError", "bad-tlog-proof", `proof does not start with ${TLOG_PROOF_HEADER}`]);
    expect(refusal(`${TLOG_PROOF_HEADER}\nindex 5\n${HASH}\n`)).toEqual(["FormatError", "bad-tlog-proof", "proof has no empty line before the checkpoint"]);
    expect(refusal(withHead(TLOG_PROOF_HEADER))).toEqual(["FormatError", "bad-tlog-proof", "missing or malformed index line"]);
    expect(refusal(withHead(TLOG_PROOF_HEADER, "index 5x"))?.[2]).toBe("missing or malformed index line");
    expect(refusal(withHead(TLOG_PROOF_HEADER, "xindex 5"))?.[2]).toBe("missing or malformed index line");
    expect(refusal(withHead(TLOG_PROOF_HEADER, "extra !!", "index 5"))).toEqual(["FormatError", "bad-tlog-proof", "extra data is not valid base64"]);
    expect(refusal(withHead(TLOG_PROOF_HEADER, "index 5", "AAAA"))).toEqual(["FormatError", "bad-tlog-proof", "proof line is not a base64 SHA-256 hash"]);
    expect(refusal(golden.slice(0, golden.indexOf("\n\n") + 2))).toEqual(["FormatError", "bad-tlog-proof", "proof has no checkpoint"]);
  });

  it("holds an index of up to sixteen digits that is a safe integer", () => {
    expect(parseTlogProof(withHead(TLOG_PROOF_HEADER, "index 1000000000000000")).index).toBe(1e15);
    expect(parseTlogProof(withHead(TLOG_PROOF_HEADER, "index 9007199254740991")).index).toBe(2 ** 53 - 1);
    expect(refusal(withHead(TLOG_PROOF_HEADER, "index 9007199254740992"))?.[2]).toBe("missing or malformed index line");
    expect(refusal(withHead(TLOG_PROOF_HEADER, "index 10000000000000000"))?.[2]).toBe("missing or malformed index line");
    expect(parseTlogProof(withHead(TLOG_PROOF_HEADER, "index 0")).index).toBe(0);
  });

  it("holds at most 64 hashes", () => {
    expect(parseTlogProof(withHead(TLOG_PROOF_HEADER, "index 5", ...Array(64).fill(HASH))).proof).toHaveLength(64);
    expect(refusal(withHead(TLOG_PROOF_HEADER, "index 5", ...Array(65).fill(HASH)))).toEqual(["FormatError", "bad-tlog-proof", "proof has too many hashes"]);
  });

  it("is refused unread when longer than a note and 8 KiB", () => {
    const limit = MAX_NOTE_BYTES + 8 * 1024;
    const padded = (length: number) => golden + "x".repeat(length - golden.length);
    // At the limit the text is parsed (the checkpoint is only read when verifying); one more character is refused.
    expect(parseTlogProof(padded(limit)).checkpoint).toHaveLength(limit - golden.indexOf("\n\n") - 2);
    expect(refusal(padded(limit + 1))).toEqual(["FormatError", "bad-tlog-proof", "proof is too large"]);
  });

  it("with extra data keeps it; without, has no extra member", () => {
    const parsed = parseTlogProof(withHead(TLOG_PROOF_HEADER, "extra AAEC", "index 5"));
    expect([...parsed.extra!]).toEqual([0, 1, 2]);
    expect("extra" in parseTlogProof(golden)).toBe(false);
  });

  it("is only formatted when it would parse", () => {
    const parsed = parseTlogProof(golden);
    expect(() => formatTlogProof({ ...parsed, index: -1 })).toThrow(expect.objectContaining({ code: "bad-tlog-proof" }));
    expect(() => formatTlogProof({ ...parsed, checkpoint: "" })).toThrow(expect.objectContaining({ message: "proof has no checkpoint" }));
    expect(formatTlogProof({ ...parsed, proof: [] })).toBe(withHead(TLOG_PROOF_HEADER, "index 5"));
  });
});
