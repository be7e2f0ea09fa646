/**
 * The tlog-witness wire formats (https://c2sp.org/tlog-witness) at their edges: the exact request
 * bytes, the bounds on sizes and proof lines, and the message of each 400 a witness answers.
 */
import { describe, expect, it } from "vitest";
import {
  MAX_ADD_CHECKPOINT_BYTES,
  MAX_CONSISTENCY_PROOF_LINES,
  MAX_TREE_SIZE,
  TLOG_SIZE_CONTENT_TYPE,
  formatAddCheckpointRequest,
  formatHash,
  formatTlogSize,
  parseAddCheckpointRequest,
  parseSignatureLines,
  parseTlogSize,
  sha256Hash,
  toBase64,
  utf8,
  type Hash,
} from "@/lib/core/log";
import { formatErrorOf } from "./helpers";

const checkpoint = "example.gov/log\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 example.gov/log AAAAAQE=\n";
const proofOf = (n: number) => Array.from({ length: n }, (_, i) => sha256Hash(utf8(`node ${i}`))) as Hash[];
const proofText = (n: number) =>
  proofOf(n)
    .map((h) => formatHash(h) + "\n")
    .join("");

describe("add-checkpoint request", () => {
  it("is the old size line, one base64 line per proof hash, a blank line, then the checkpoint verbatim", () => {
    const proof = proofOf(2);
    expect(formatAddCheckpointRequest({ oldSize: 3, proof, signedCheckpoint: checkpoint })).toBe(`old 3\n${formatHash(proof[0]!)}\n${formatHash(proof[1]!)}\n\n${checkpoint}`);
    expect(formatAddCheckpointRequest({ oldSize: 0, proof: [], signedCheckpoint: checkpoint })).toBe(`old 0\n\n${checkpoint}`);
  });

  it("carries up to 63 proof lines and no more, either way", () => {
    const body = formatAddCheckpointRequest({ oldSize: 1, proof: proofOf(MAX_CONSISTENCY_PROOF_LINES), signedCheckpoint: checkpoint });
    expect(parseAddCheckpointRequest(body).proof).toHaveLength(63);
    const tooMany = formatErrorOf(() => formatAddCheckpointRequest({ oldSize: 1, proof: proofOf(64), signedCheckpoint: checkpoint }));
    expect([tooMany.code, tooMany.message]).toEqual(["bad-request", "too many consistency proof lines"]);
    const read = formatErrorOf(() => parseAddCheckpointRequest(`old 1\n${proofText(64)}\n${checkpoint}`));
    expect([read.code, read.message]).toEqual(["bad-request", "more than 63 consistency proof lines"]);
  });

  it("reads old sizes from 0 up to the largest tree size", () => {
    expect(parseAddCheckpointRequest(`old 0\n\n${checkpoint}`).oldSize).toBe(0);
    expect(parseAddCheckpointRequest(`old ${MAX_TREE_SIZE}\n\n${checkpoint}`).oldSize).toBe(MAX_TREE_SIZE);
    expect(parseAddCheckpointRequest(`old 1234567890123456\n\n${checkpoint}`).oldSize).toBe(1234567890123456);
  });

  it.each([
    ["a blank line before the old size line", `\n\nold 3\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["no blank line", `old 3\n${checkpoint.replace("\n\n", "\n")}`, "request has no empty line before the checkpoint"],
    ["a leading zero", `old 03\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["a negative size", `old -1\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["no size", `old \n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["a capital keyword", `Old 3\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["no space", `old3\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["a trailing space", `old 3 \n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["seventeen digits", `old 12345678901234567\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["a size over the largest tree", `old ${MAX_TREE_SIZE + 1}\n\n${checkpoint}`, 'the first line must be "old <size>" in decimal without leading zeros'],
    ["a proof line that is not base64", `old 3\nnot-base64\n\n${checkpoint}`, "a consistency proof line is not a base64 SHA-256 hash"],
    ["a proof line of 31 bytes", `old 3\n${toBase64(new Uint8Array(31))}\n\n${checkpoint}`, "a consistency proof line is not a base64 SHA-256 hash"],
    ["no checkpoint", "old 3\n\n", "request has no checkpoint"],
  ])("is refused with %s", (_what, body, message) => {
    const e = formatErrorOf(() => parseAddCheckpointRequest(body));
    expect(e.code).toBe("bad-request");
    expect(e.message).toBe(message);
  });

  it("keeps everything after the first blank line as the checkpoint, blank lines included", () => {
    const parsed = parseAddCheckpointRequest(`old 2\n${proofText(1)}\n${checkpoint}`);
    expect(parsed.signedCheckpoint).toBe(checkpoint);
    expect(parsed.proof.map(formatHash)).toEqual(proofOf(1).map(formatHash));
  });

  it("fits a checkpoint with a few signatures and 63 proof lines within the body limit", () => {
    const signed = checkpoint + ("\u2014 w.example/witness " + toBase64(new Uint8Array(76)) + "\n").repeat(4);
    const body = formatAddCheckpointRequest({ oldSize: 1, proof: proofOf(63), signedCheckpoint: signed });
    expect(utf8(body).length).toBeLessThan(MAX_ADD_CHECKPOINT_BYTES);
    expect(MAX_ADD_CHECKPOINT_BYTES).toBe(16 * 1024);
  });
});

describe("text/x.tlog.size", () => {
  it("is the decimal size and a newline, under its own content type", () => {
    expect(TLOG_SIZE_CONTENT_TYPE).toBe("text/x.tlog.size");
    expect(formatTlogSize(42)).toBe("42\n");
    expect(parseTlogSize(formatTlogSize(0))).toBe(0);
    expect(parseTlogSize(`${MAX_TREE_SIZE}\n`)).toBe(MAX_TREE_SIZE);
  });

  it("refuses anything else", () => {
    for (const body of ["42", "042\n", "-1\n", "4 2\n", "\n", "42\n\n", " 42\n", `${MAX_TREE_SIZE + 1}\n`, "12345678901234567\n"]) {
      const e = formatErrorOf(() => parseTlogSize(body));
      expect(e.code, JSON.stringify(body)).toBe("bad-tlog-size");
      expect(e.message).toBe("a text/x.tlog.size body is a decimal size and a newline");
    }
  });
});

describe("cosignature answers", () => {
  const line = "\u2014 w.example AAAAAQE=\n";

  it("are read as up to 100 signature lines", () => {
    expect(parseSignatureLines(line.repeat(100))).toHaveLength(100);
    const e = formatErrorOf(() => parseSignatureLines(line.repeat(101)));
    expect([e.code, e.message]).toEqual(["bad-cosignature", "too many signature lines"]);
  });

  it("are refused when empty or without a final newline", () => {
    for (const body of ["", line.slice(0, -1)]) {
      const e = formatErrorOf(() => parseSignatureLines(body));
      expect([e.code, e.message]).toEqual(["bad-cosignature", "an answer of cosignatures is signature lines, each ending in a newline"]);
    }
  });

  it("are refused when a line is not a signature line", () => {
    for (const body of [line + "\n", line + "- w.example AAAAAQE=\n"]) {
      expect(formatErrorOf(() => parseSignatureLines(body)).code).toBe("malformed-note");
    }
  });
});
