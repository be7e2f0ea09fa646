/** Strict bundle parsing, and the two-histories check on real signed checkpoints. */
import { describe, expect, it } from "vitest";
import { generateKey, parseSignerKey } from "@/lib/core/log";
import { BUNDLES_FORMAT, MAX_BUNDLE_BYTES, bundleFileName, findTwoHistories, parseBundle, parseBundleFile, summarize, verifyBundle } from "@/lib/core/verify";
import { ORIGIN, checkpointAt, clone, sampleLog } from "./fixtures";

describe("parseBundle", () => {
  it("round-trips a bundle through JSON and verifies it", async () => {
    const { bundle } = await sampleLog();
    const parsed = parseBundle(JSON.stringify(bundle));
    expect(parsed).toEqual(bundle);
    expect(summarize(verifyBundle(parsed)).ok).toBe(true);
    expect(bundle.tlogProof.startsWith("c2sp.org/tlog-proof@v1\nindex 5\n")).toBe(true);
  });

  it("rejects unknown members, missing members and wrong types, naming the member", async () => {
    const { bundle } = await sampleLog();
    const cases: [(b: Record<string, unknown>) => void, RegExp][] = [
      [(b) => (b.note = "trust me"), /bundle: unknown member "note"/],
      [(b) => delete b.salts, /bundle: missing member "salts"/],
      [(b) => (b.version = "1"), /bundle.version: must be an integer/],
      [(b) => (b.version = 1.5), /bundle.version/],
      [(b) => (b.format = "gongshi/proof-bundle/v2"), /bundle.format/],
      [(b) => ((b.entry as Record<string, unknown>).extra = 1), /bundle.entry: unknown member "extra"/],
      [(b) => ((b.attachments as Record<string, unknown>[])[0]!.size = -1), /bundle.attachments\[0\].size/],
      [(b) => ((b.fields as Record<string, unknown>).title = 7), /bundle.fields.title: must be a string/],
      [(b) => (b.inclusionProof = "abc"), /bundle.inclusionProof: must be an array/],
      [(b) => (b.withheld = [{ path: "body", basis: "x", at: "y" }]), /bundle.withheld\[0\]: missing member "logIndex"/],
      [(b) => (b.consistency = { from: 3 }), /bundle.consistency: missing member "proof"/],
    ];
    for (const [mutate, message] of cases) {
      const bad = clone(bundle) as unknown as Record<string, unknown>;
      mutate(bad);
      expect(() => parseBundle(JSON.stringify(bad))).toThrow(message);
    }
    expect(() => parseBundle("[]")).toThrow(/must be an object/);
    expect(() => parseBundle("{")).toThrow(/not valid JSON/);
    expect(() => parseBundle(" ".repeat(MAX_BUNDLE_BYTES + 1))).toThrow(/at most/);
  });

  it("rejects a tlog-proof that disagrees with the bundle's own proof", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    bad.tlogProof = bad.tlogProof.replace("index 5", "index 4");
    expect(() => parseBundle(JSON.stringify(bad))).toThrow(/tlogProof: does not match/);
  });

  it("reads a proof-bundles list and a single bundle from one entry point", async () => {
    const { bundle } = await sampleLog();
    expect(parseBundleFile(JSON.stringify(bundle))).toHaveLength(1);
    expect(parseBundleFile(JSON.stringify({ format: BUNDLES_FORMAT, bundles: [bundle, bundle], next: null }))).toHaveLength(2);
    expect(() => parseBundleFile(JSON.stringify({ format: BUNDLES_FORMAT, bundles: [bundle] }))).toThrow(/missing member "next"/);
    expect(() => parseBundleFile(JSON.stringify({ format: BUNDLES_FORMAT, bundles: [{ ...bundle, x: 1 }], next: null }))).toThrow(/bundles.bundles\[0\]: unknown member "x"/);
  });

  it("uses the bundle's consistency proof for a kept checkpoint of that size", async () => {
    const { bundle, earlier } = await sampleLog();
    const withProof = { ...bundle, consistency: { from: 3, proof: earlier.proof } };
    const results = verifyBundle(parseBundle(JSON.stringify(withProof)), { earlier: { checkpoint: earlier.checkpoint } });
    expect(results[4]).toMatchObject({ step: "consistency", status: "ok", code: "consistent" });
  });

  it("names the download after the notice and version", () => {
    expect(bundleFileName("HP-2026-005", 2)).toBe("HP-2026-005-v2.gongshi-proof.json");
  });
});

describe("findTwoHistories", () => {
  it("finds same-size checkpoints with different roots, keeping both notes as evidence", async () => {
    const a = await sampleLog();
    const b = await sampleLog({ signerKey: a.signerKey, fillerSeed: "fork" });
    const log = { origin: ORIGIN, verifierKey: a.verifierKey };
    const result = findTwoHistories(a.bundle.checkpoint, b.bundle.checkpoint, log);
    expect(result).toMatchObject({ verdict: "split", reason: "same-size-different-roots" });
    if (result.verdict === "split") expect([result.evidence.older, result.evidence.newer]).toEqual([a.bundle.checkpoint, b.bundle.checkpoint]);
    expect(findTwoHistories(a.bundle.checkpoint, a.bundle.checkpoint, log)).toMatchObject({ verdict: "consistent" });
  });

  it("finds a consistency proof that fails between different sizes, in either argument order", async () => {
    const a = await sampleLog();
    const b = await sampleLog({ signerKey: a.signerKey, fillerSeed: "fork" });
    const log = { origin: ORIGIN, verifierKey: a.verifierKey };
    expect(findTwoHistories(a.earlier.checkpoint, a.bundle.checkpoint, log, a.earlier.proof)).toMatchObject({ verdict: "consistent" });
    expect(findTwoHistories(a.bundle.checkpoint, a.earlier.checkpoint, log, a.earlier.proof)).toMatchObject({ verdict: "consistent" });
    const split = findTwoHistories(b.earlier.checkpoint, a.bundle.checkpoint, log, a.earlier.proof);
    expect(split).toMatchObject({ verdict: "split", reason: "consistency-proof-fails", evidence: { older: b.earlier.checkpoint, newer: a.bundle.checkpoint } });
    expect(findTwoHistories(b.earlier.checkpoint, a.bundle.checkpoint, log)).toMatchObject({ verdict: "unproven" });
  });

  it("is no evidence when a note is not signed by the log key or is for another origin", async () => {
    const a = await sampleLog();
    const stranger = parseSignerKey(generateKey(ORIGIN).signerKey);
    const forged = await checkpointAt(a.log, 8, stranger);
    const log = { origin: ORIGIN, verifierKey: a.verifierKey };
    expect(findTwoHistories(a.bundle.checkpoint, forged, log)).toMatchObject({ verdict: "invalid", which: "second", code: "no-known-signature" });
    const elsewhere = await checkpointAt(a.log, 8, a.signer, "other.example/log");
    expect(findTwoHistories(elsewhere, a.bundle.checkpoint, log)).toMatchObject({ verdict: "invalid", which: "first", code: "wrong-origin" });
  });
});
