/** Strict bundle parsing, and the two-histories check on real signed checkpoints. */
import { describe, expect, it } from "vitest";
import { FormatError, generateKey, parseSignerKey } from "@/lib/core/log";
import { BUNDLES_FORMAT, MAX_BUNDLE_BYTES, bundleFileName, createBundle, findTwoHistories, parseBundle, parseBundleFile, summarize, verifyBundle } from "@/lib/core/verify";
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

  it("writes the members in the documented order, with consistency last and only when given", async () => {
    const { bundle, earlier } = await sampleLog();
    const members = [
      "format",
      "notice",
      "agency",
      "version",
      "kind",
      "loggedAt",
      "fields",
      "salts",
      "attachments",
      "withheld",
      "log",
      "entry",
      "checkpoint",
      "inclusionProof",
      "tlogProof",
    ];
    expect(Object.keys(bundle)).toEqual(members);
    const { format, tlogProof, ...parts } = bundle;
    const withProof = createBundle({ ...parts, consistency: { from: 3, proof: earlier.proof } });
    expect(Object.keys(withProof)).toEqual([...members, "consistency"]);
    expect([withProof.format, withProof.tlogProof]).toEqual([format, tlogProof]);
  });

  it("takes a single bundle in a file only up to the single-bundle limit", async () => {
    const { bundle } = await sampleLog();
    const text = JSON.stringify(bundle);
    const padded = text + " ".repeat(MAX_BUNDLE_BYTES - text.length);
    expect(parseBundleFile(padded)).toEqual([bundle]);
    let error: unknown;
    try {
      parseBundleFile(padded + " ");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toMatchObject({ code: "bundle-too-large", message: `a bundle is at most ${MAX_BUNDLE_BYTES} bytes` });
  });

  it("refuses a file that is neither a bundle nor a list, naming both formats", async () => {
    expect(() => parseBundleFile("null")).toThrow("bundles: must be an object");
    expect(() => parseBundleFile("[]")).toThrow("bundles: must be an object");
    expect(() => parseBundleFile(JSON.stringify({ format: "other", bundles: [], next: null }))).toThrow(
      'bundles.format: must be "gongshi/proof-bundle/v1" or "gongshi/proof-bundles/v1"',
    );
  });

  it("reads the next-page link of a list as a bounded string or null", async () => {
    const list = (next: unknown, bundles: unknown[] = []) => JSON.stringify({ format: BUNDLES_FORMAT, bundles, next });
    expect(parseBundleFile(list("/api/v1/notices/HP-2026-005/proof-bundles?after=2"))).toEqual([]);
    expect(parseBundleFile(list("x".repeat(2048)))).toEqual([]);
    expect(() => parseBundleFile(list("x".repeat(2049)))).toThrow("bundles.next: longer than 2048 characters");
    expect(() => parseBundleFile(list(2))).toThrow("bundles.next: must be a string");
    // At most 1000 bundles: the count is refused before any bundle is read.
    expect(() => parseBundleFile(list(null, Array(1001).fill(0)))).toThrow("bundles.bundles: more than 1000 items");
    expect(() => parseBundleFile(list(null, Array(1000).fill(0)))).toThrow("bundles.bundles[0]: must be an object");
  });

  it("checks against the trusted origin when one is given, not the bundle's own", async () => {
    const { bundle } = await sampleLog();
    expect(verifyBundle(bundle, { origin: ORIGIN })[3]).toMatchObject({ step: "signature", status: "ok" });
    expect(verifyBundle(bundle, { origin: "other.example/log" })[3]).toMatchObject({ step: "signature", status: "failed", code: "wrong-origin" });
  });

  it("uses the bundle's consistency proof only when the kept checkpoint has no proof of its own and is of the proof's size", async () => {
    const { bundle, earlier, log, signer } = await sampleLog();
    const withProof = { ...bundle, consistency: { from: 3, proof: earlier.proof } };
    // The kept checkpoint's own proof wins, even a wrong one.
    const ownWrong = verifyBundle(withProof, { earlier: { checkpoint: earlier.checkpoint, proof: [...earlier.proof].reverse() } });
    expect(ownWrong[4]).toMatchObject({ step: "consistency", status: "failed", code: "inconsistent" });
    // A kept checkpoint of size 4: the bundle's proof from 3 is not for it.
    const kept4 = await checkpointAt(log, 4, signer);
    expect(verifyBundle(withProof, { earlier: { checkpoint: kept4 } })[4]).toMatchObject({ status: "skipped", code: "no-consistency-proof" });
    // A kept "checkpoint" that is not one is reported by the consistency step, not thrown.
    expect(verifyBundle(withProof, { earlier: { checkpoint: "not a checkpoint" } })[4]).toMatchObject({ status: "failed", code: "earlier-checkpoint-invalid" });
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
