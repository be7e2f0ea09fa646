/** Checkpoints and c2sp.org/tlog-proof@v1: golden bytes, strict parsing, verification. */
import { describe, expect, it } from "vitest";
import {
  FormatError,
  MAX_TREE_SIZE,
  ProofError,
  RootMismatchError,
  formatCheckpoint,
  formatTlogProof,
  fromHex,
  generateKey,
  openCheckpoint,
  parseCheckpoint,
  parseSignerKey,
  parseTlogProof,
  parseVerifierKey,
  signCheckpoint,
  verifyTlogProof,
  type Hash,
} from "@/lib/core/log";
import { readJson } from "./helpers";

interface Golden {
  signerKey: string;
  verifierKey: string;
  checkpoint: { origin: string; size: number; rootHex: string; text: string; note: string };
  tlogProof: { index: number; leafInputHex: string; text: string };
}
const g = readJson<Golden>("golden-formats.json");
const signer = parseSignerKey(g.signerKey);
const verifier = parseVerifierKey(g.verifierKey);
const checkpoint = { origin: g.checkpoint.origin, size: g.checkpoint.size, rootHash: fromHex(g.checkpoint.rootHex) as Hash, extensions: [] };

describe("checkpoints", () => {
  it("format and sign to the golden bytes", () => {
    expect(formatCheckpoint(checkpoint)).toBe(g.checkpoint.text);
    expect(signCheckpoint(checkpoint, signer)).toBe(g.checkpoint.note);
  });

  it("open to the same checkpoint", () => {
    expect(openCheckpoint(g.checkpoint.note, g.checkpoint.origin, [verifier]).checkpoint).toEqual(checkpoint);
  });

  it("are refused for another origin or key", () => {
    expect(() => openCheckpoint(g.checkpoint.note, "other.example/log", [verifier])).toThrow(ProofError);
    const other = parseVerifierKey(generateKey("PeterNeumann").verifierKey);
    expect(() => openCheckpoint(g.checkpoint.note, g.checkpoint.origin, [other])).toThrow(ProofError);
  });

  it("keep extension lines", () => {
    const text = formatCheckpoint({ ...checkpoint, extensions: ["ext one"] });
    expect(parseCheckpoint(text).extensions).toEqual(["ext one"]);
  });

  const root = "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=";
  it.each([
    ["no final newline", `o\n7\n${root}`],
    ["two lines", `o\n7\n`],
    ["an empty origin", `\n7\n${root}\n`],
    ["a leading zero", `o\n07\n${root}\n`],
    ["a negative size", `o\n-7\n${root}\n`],
    ["a size with a plus", `o\n+7\n${root}\n`],
    ["a size past 2^52", `o\n9999999999999999\n${root}\n`],
    ["a root of 31 bytes", `o\n7\n${root.slice(0, 40)}AA==\n`],
    ["an unpadded root", `o\n7\n${root.slice(0, -1)}\n`],
    ["an empty extension line", `o\n7\n${root}\n\n`],
    ["a hex root", `o\n7\nddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c\n`],
  ])("reject %s", (_name, text) => {
    expect(() => parseCheckpoint(text)).toThrow(FormatError);
  });
});

describe("tlog-proof", () => {
  const entry = fromHex(g.tlogProof.leafInputHex);

  it("formats to the golden bytes and verifies", () => {
    const parsed = parseTlogProof(g.tlogProof.text);
    expect(formatTlogProof(parsed)).toBe(g.tlogProof.text);
    const result = verifyTlogProof(g.tlogProof.text, entry, g.checkpoint.origin, [verifier]);
    expect(result.proof.index).toBe(5);
    expect(result.checkpoint.size).toBe(7);
  });

  it("round-trips extra data", () => {
    const extra = new TextEncoder().encode("gongshi");
    const text = formatTlogProof({ ...parseTlogProof(g.tlogProof.text), extra });
    expect(text.split("\n")[1]).toBe("extra Z29uZ3NoaQ==");
    expect(parseTlogProof(text).extra).toEqual(extra);
  });

  it("fails for another entry or index", () => {
    expect(() => verifyTlogProof(g.tlogProof.text, fromHex("5051525354555657"), g.checkpoint.origin, [verifier])).toThrow(RootMismatchError);
    const moved = g.tlogProof.text.replace("index 5", "index 4");
    expect(() => verifyTlogProof(moved, entry, g.checkpoint.origin, [verifier])).toThrow(ProofError);
  });

  const t = g.tlogProof.text;
  it.each([
    ["a wrong header", t.replace("tlog-proof@v1", "tlog-proof@v2")],
    ["no index line", t.replace("index 5\n", "")],
    ["an index with a leading zero", t.replace("index 5", "index 05")],
    ["a negative index", t.replace("index 5", "index -5")],
    ["extra after index", t.replace("index 5\n", "index 5\nextra AA==\n")],
    ["bad extra base64", t.replace("index 5\n", "extra !!\nindex 5\n")],
    ["a short hash line", t.replace("vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=", "vBoGQ7Eu")],
    ["no checkpoint", t.slice(0, t.indexOf("\n\n") + 2)],
    ["no empty line", t.replace("\n\n", "\n")],
  ])("rejects a proof with %s", (_name, text) => {
    expect(() => parseTlogProof(text)).toThrow(FormatError);
  });
});

describe("checkpoint formatting", () => {
  it("refuses an origin that would smuggle in another size and root", () => {
    const root = "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=";
    expect(() => formatCheckpoint({ ...checkpoint, origin: `log.example\n5\n${root}` })).toThrow(FormatError);
  });
});

describe("checkpoint parsing: what each refusal says", () => {
  const root = "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=";
  const sizeMessage = "checkpoint size is not a decimal tree size without leading zeros";
  it.each([
    ["no final newline", `o\n7\n${root}`, "checkpoint text must end with a newline"],
    ["two lines", "o\n7\n", "checkpoint needs origin, size and root hash lines"],
    ["an empty origin", `\n7\n${root}\n`, "checkpoint origin is empty"],
    ["a leading zero", `o\n07\n${root}\n`, sizeMessage],
    ["an empty size", `o\n\n${root}\n`, sizeMessage],
    ["a size with a sign", `o\n+7\n${root}\n`, sizeMessage],
    ["a size with a space", `o\n7 \n${root}\n`, sizeMessage],
    ["seventeen digits", `o\n12345678901234567\n${root}\n`, sizeMessage],
    ["one more than the largest tree", `o\n${MAX_TREE_SIZE + 1}\n${root}\n`, sizeMessage],
    ["a root that is not base64", `o\n7\n${root.replace("=", "!")}\n`, "checkpoint root is not a base64 SHA-256 hash"],
    ["a root of 33 bytes", `o\n7\n${root.slice(0, -1)}AAAA\n`, "checkpoint root is not a base64 SHA-256 hash"],
    ["an empty extension line", `o\n7\n${root}\next\n\n`, "checkpoint extension lines must be non-empty"],
  ])("%s", (_name, text, message) => {
    let caught: unknown;
    try {
      parseCheckpoint(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect((caught as FormatError).code).toBe("bad-checkpoint");
    expect((caught as FormatError).message).toBe(message);
  });

  it("reads sizes from 0 to the largest tree size, and every extension line in order", () => {
    expect(parseCheckpoint(`o\n0\n${root}\n`).size).toBe(0);
    expect(parseCheckpoint(`o\n${MAX_TREE_SIZE}\n${root}\n`).size).toBe(MAX_TREE_SIZE);
    expect(parseCheckpoint(`o\n1234567890123456\n${root}\n`).size).toBe(1234567890123456);
    const parsed = parseCheckpoint(`log.example/a\n7\n${root}\nfirst ext\nsecond ext\n`);
    expect(parsed).toEqual({ origin: "log.example/a", size: 7, rootHash: parsed.rootHash, extensions: ["first ext", "second ext"] });
    expect(formatCheckpoint(parsed)).toBe(`log.example/a\n7\n${root}\nfirst ext\nsecond ext\n`);
  });

  it("refuses to format an extension or origin with a newline, which would change the lines signed", () => {
    for (const changed of [
      { ...checkpoint, extensions: ["one\ntwo"] },
      { ...checkpoint, origin: `log.example\n7\n${root}` },
    ]) {
      let caught: unknown;
      try {
        formatCheckpoint(changed);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(FormatError);
      expect((caught as FormatError).code).toBe("bad-checkpoint");
      expect((caught as FormatError).message).toBe("checkpoint fields must not contain newlines");
    }
  });

  it("opening a checkpoint for another origin names both origins", () => {
    let caught: unknown;
    try {
      openCheckpoint(g.checkpoint.note, "other.example/log", [verifier]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProofError);
    expect((caught as ProofError).code).toBe("wrong-origin");
    expect((caught as ProofError).message).toBe('checkpoint is for origin "PeterNeumann", expected "other.example/log"');
  });

  it("opening returns the verified note with the checkpoint", () => {
    const { note } = openCheckpoint(g.checkpoint.note, g.checkpoint.origin, [verifier]);
    expect(note.text).toBe(g.checkpoint.text);
    expect(note.signatures.map((s) => [s.name, s.keyId])).toEqual([["PeterNeumann", 0xc74f20a3]]);
  });
});
