/**
 * verifyNoticeVersion over real data built with lib/core/log, and one mutated copy per kind of
 * tampering: each must fail at the step that owns it, and no earlier.
 */
import { describe, expect, it } from "vitest";
import { formatHash, fromBase64, generateKey, hashLeaf, parseSignerKey, toBase64, proveConsistency, utf8, fromUtf8 } from "@/lib/core/log";
import { STEP_ORDER, summarize, verifyBundle, type ProofBundle, type StepResult } from "@/lib/core/verify";
import { ORIGIN, checkpointAt, clone, sampleLog } from "./fixtures";
import { cosign, makeWitness } from "./witness-fixtures";

const byStep = (results: StepResult[]) => Object.fromEntries(results.map((r) => [r.step, r]));
const statuses = (results: StepResult[]) => results.map((r) => `${r.step}:${r.status}:${r.code}`);

function expectFailsAt(results: StepResult[], step: string, code?: string) {
  const failed = results.filter((r) => r.status === "failed");
  expect(
    failed.map((r) => r.step),
    statuses(results).join(" "),
  ).toEqual([step]);
  if (code) expect(failed[0]!.code).toBe(code);
  const at = STEP_ORDER.indexOf(step as never);
  for (const r of results.slice(0, at)) expect(r.status).not.toBe("failed");
  for (const r of results.slice(at + 1)) expect(r).toMatchObject({ status: "skipped", code: "not-reached" });
}

/** Replaces the leaf bytes by a re-encoding with one member changed (a valid leaf, another hash). */
function withLeaf(bundle: ProofBundle, change: (leaf: Record<string, unknown>) => void, rehash = false): ProofBundle {
  const copy = clone(bundle);
  const record = JSON.parse(fromUtf8(fromBase64(copy.entry.leaf))) as Record<string, unknown>;
  change(record);
  const keys = Object.keys(record).sort();
  const bytes = utf8(JSON.stringify(Object.fromEntries(keys.map((k) => [k, record[k]]))));
  copy.entry.leaf = toBase64(bytes);
  copy.loggedAt = record.loggedAt as string; // the shown date changed along with the leaf
  if (rehash) copy.entry.leafHash = formatHash(hashLeaf(bytes));
  return copy;
}

describe("verifyNoticeVersion", () => {
  it("passes every step for an untouched bundle, in order", async () => {
    const { bundle, earlier } = await sampleLog();
    const results = verifyBundle(bundle, { earlier });
    expect(results.map((r) => r.step)).toEqual(STEP_ORDER);
    expect(statuses(results)).toEqual([
      "content:ok:content-ok",
      "leaf:ok:leaf-ok",
      "inclusion:ok:inclusion-ok",
      "signature:ok:signature-ok",
      "consistency:ok:consistent",
      "witnesses:info:no-cosignatures",
    ]);
    expect(summarize(results)).toEqual({ ok: true, failedStep: null, unchecked: [], waitingFor: null });
  });

  it("says which step failed in every step it did not run", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    bad.kind = "amend";
    const results = verifyBundle(bad);
    expect(results.slice(1)).toEqual(STEP_ORDER.slice(1).map((step) => ({ step, status: "skipped", code: "not-reached", detail: "not checked: the content step failed" })));
    const late = clone(bundle);
    late.entry.index = 8;
    expect(
      verifyBundle(late)
        .slice(3)
        .map((r) => r.detail),
    ).toEqual(Array(3).fill("not checked: the inclusion step failed"));
  });

  it("reports no earlier checkpoint as info, not as a failure", async () => {
    const { bundle } = await sampleLog();
    const c = byStep(verifyBundle(bundle)).consistency!;
    expect(c).toMatchObject({ status: "info", code: "no-earlier-checkpoint" });
  });

  it("names the changed field when the body was altered", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    bad.fields.body += "（已修改）";
    const results = verifyBundle(bad);
    expectFailsAt(results, "content", "content-mismatch");
    expect(results[0]!.fields).toEqual(["body"]);
  });

  it("names every altered field, salt, attachment hash and metadata member", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    bad.salts.title = toBase64(new Uint8Array(32));
    bad.attachments[0]!.name = "other.pdf";
    bad.attachments[0]!.sha256 = "0".repeat(64);
    bad.version = 2;
    bad.fields.extra = "a field no leaf vouches for";
    const results = verifyBundle(bad);
    expectFailsAt(results, "content");
    expect(results[0]!.fields).toEqual(["version", "title", "attachments/0/name", "extra", "attachments/0/sha256"]);
  });

  it("skips withheld fields and reports them with basis and date", async () => {
    const { bundle } = await sampleLog({ withhold: ["attachments/0/name", "body"] });
    expect(bundle.fields.body).toBeUndefined();
    const results = verifyBundle(bundle);
    expect(summarize(results).ok).toBe(true);
    expect(results[0]!.withheld).toEqual([
      { path: "body", basis: "《个人信息保护法》第十三条", at: "2026-04-01T02:15:30.500Z", logIndex: 7 },
      { path: "attachments/0/name", basis: "《个人信息保护法》第十三条", at: "2026-04-01T02:15:30.500Z", logIndex: 7 },
    ]);
  });

  it("fails content when a field is missing without a redaction withholding it", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    delete bad.fields.number;
    const results = verifyBundle(bad);
    expectFailsAt(results, "content");
    expect(results[0]!.fields).toEqual(["number"]);
  });

  it("fails the leaf step when the leaf bytes were changed but the hash was not", async () => {
    const { bundle } = await sampleLog();
    expectFailsAt(verifyBundle(withLeaf(bundle, (leaf) => (leaf.loggedAt = "2025-01-01T00:00:00.000Z"))), "leaf", "leaf-hash-mismatch");
  });

  it("fails content on leaf bytes that are not a canonical notice record", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    bad.entry.leaf = toBase64(utf8(fromUtf8(fromBase64(bundle.entry.leaf)) + "\n"));
    expectFailsAt(verifyBundle(bad), "content", "leaf-unreadable");
  });

  it("fails inclusion when the leaf and its hash were both replaced", async () => {
    const { bundle } = await sampleLog();
    expectFailsAt(verifyBundle(withLeaf(bundle, (leaf) => (leaf.loggedAt = "2025-01-01T00:00:00.000Z"), true)), "inclusion", "root-mismatch");
  });

  it("fails inclusion for every proof hash with one flipped bit, a dropped hash or a wrong index", async () => {
    const { bundle } = await sampleLog();
    for (let i = 0; i < bundle.inclusionProof.length; i++) {
      const bad = clone(bundle);
      const bytes = fromBase64(bad.inclusionProof[i]!);
      bytes[i % 32]! ^= 1;
      bad.inclusionProof[i] = toBase64(bytes);
      expectFailsAt(verifyBundle(bad), "inclusion", "root-mismatch");
    }
    const dropped = clone(bundle);
    dropped.inclusionProof.pop();
    expectFailsAt(verifyBundle(dropped), "inclusion");
    const moved = clone(bundle);
    moved.entry.index = 4;
    expectFailsAt(verifyBundle(moved), "inclusion");
    const beyond = clone(bundle);
    beyond.entry.index = 8;
    expectFailsAt(verifyBundle(beyond), "inclusion", "index-beyond-checkpoint");
  });

  it("fails the signature step for a checkpoint signed by another key", async () => {
    const { bundle, log, verifierKey } = await sampleLog();
    const other = parseSignerKey(generateKey(ORIGIN).signerKey);
    const bad = clone(bundle);
    bad.checkpoint = await checkpointAt(log, 8, other);
    // The bundle's own key would be the attacker's too; the trusted key is what catches it.
    bad.log.verifierKey = other.verifierKey;
    expect(summarize(verifyBundle(bad)).ok).toBe(true);
    expectFailsAt(verifyBundle(bad, { verifierKey }), "signature", "no-known-signature");
  });

  it("fails the signature step for a wrong origin or an altered signature", async () => {
    const { bundle, log, signer } = await sampleLog();
    const wrongOrigin = clone(bundle);
    wrongOrigin.checkpoint = await checkpointAt(log, 8, signer, "other.example/log");
    expectFailsAt(verifyBundle(wrongOrigin), "signature", "wrong-origin");
    const flipped = clone(bundle);
    const lines = flipped.checkpoint.split("\n");
    const sigLine = lines.findIndex((l) => l.startsWith("\u2014 "));
    const sig = fromBase64(lines[sigLine]!.split(" ")[2]!);
    sig[10]! ^= 1;
    lines[sigLine] = `\u2014 ${signer.name} ${toBase64(sig)}`;
    flipped.checkpoint = lines.join("\n");
    expectFailsAt(verifyBundle(flipped), "signature", "bad-signature");
  });

  it("fails consistency against a kept checkpoint of a different tree of the same size", async () => {
    const { bundle, signerKey } = await sampleLog();
    const fork = await sampleLog({ signerKey, fillerSeed: "fork" });
    expectFailsAt(verifyBundle(bundle, { earlier: { checkpoint: fork.bundle.checkpoint } }), "consistency", "two-histories");
  });

  it("fails consistency against a kept smaller checkpoint of another tree", async () => {
    const { bundle, earlier, signerKey } = await sampleLog();
    const fork = await sampleLog({ signerKey, fillerSeed: "fork" });
    expectFailsAt(verifyBundle(bundle, { earlier: { checkpoint: fork.earlier.checkpoint, proof: earlier.proof } }), "consistency", "inconsistent");
  });

  it("checks a kept checkpoint newer than the bundle's the other way round", async () => {
    const { bundle, log, signer } = await sampleLog();
    log.append([hashLeaf(utf8("entry 8")), hashLeaf(utf8("entry 9"))]);
    const kept = await checkpointAt(log, 10, signer);
    const proof = (await proveConsistency(8, 10, log.reader())).map(formatHash);
    expect(byStep(verifyBundle(bundle, { earlier: { checkpoint: kept, proof } })).consistency).toMatchObject({
      status: "ok",
      code: "consistent",
      checkpoint: { size: 8 },
      earlierCheckpoint: { size: 10 },
    });
    const wrong = [...proof];
    wrong[0] = formatHash(hashLeaf(utf8("not a node")));
    expectFailsAt(verifyBundle(bundle, { earlier: { checkpoint: kept, proof: wrong } }), "consistency", "inconsistent");
  });

  it("reports a differing size without a proof as not checked", async () => {
    const { bundle, earlier } = await sampleLog();
    const results = verifyBundle(bundle, { earlier: { checkpoint: earlier.checkpoint } });
    expect(byStep(results).consistency).toMatchObject({ status: "skipped", code: "no-consistency-proof" });
    expect(summarize(results)).toEqual({ ok: true, failedStep: null, unchecked: ["consistency"], waitingFor: null });
  });

  it("lists unknown cosignatures, verifies known ones and fails a forged one", async () => {
    const { bundle } = await sampleLog();
    const witness = makeWitness("witness.example", "witness.example");
    const stranger = makeWitness("stranger.example", "stranger.example");
    const cosigned = clone(bundle);
    cosigned.checkpoint = cosign(bundle.checkpoint, [witness, stranger]);
    const results = verifyBundle(cosigned, { witnesses: [witness.verifierKey] });
    expect(byStep(results).witnesses).toMatchObject({
      status: "ok",
      code: "quorum-met",
      witnesses: [
        { name: "witness.example", status: "verified" },
        { name: "stranger.example", status: "unknown" },
      ],
    });
    expect(byStep(verifyBundle(cosigned)).witnesses).toMatchObject({ status: "info", code: "no-known-witness" });
    // A cosignature by another key under the witness's name and key ID.
    const forged = clone(bundle);
    const line = (note: string) => note.split("\n").find((l) => l.startsWith("— witness.example "))!;
    const impostor = makeWitness("witness.example", "witness.example");
    const real = fromBase64(line(cosigned.checkpoint).split(" ")[2]!);
    const fake = fromBase64(line(cosign(bundle.checkpoint, [impostor])).split(" ")[2]!);
    forged.checkpoint = `${bundle.checkpoint}— witness.example ${toBase64(new Uint8Array([...real.subarray(0, 4), ...fake.subarray(4)]))}\n`;
    expectFailsAt(verifyBundle(forged, { witnesses: [witness.verifierKey] }), "witnesses", "bad-cosignature");
  });
});

describe("summarize", () => {
  const step = (name: StepResult["step"], status: StepResult["status"], witnesses?: StepResult["witnesses"]): StepResult => ({
    step: name,
    status,
    code: "x",
    detail: "x",
    ...(witnesses ? { witnesses } : {}),
  });
  const witness = (name: string, status: "verified" | "invalid" | "absent" | "unknown") => ({ name, keyName: name, keyId: "00000000", status });

  it("waits only for absent witnesses: not for verified, unknown or invalid ones", () => {
    const results = [
      step("content", "ok"),
      step("consistency", "info"),
      step("witnesses", "waiting", [witness("a", "verified"), witness("b", "absent"), witness("c", "unknown"), witness("d", "invalid"), witness("e", "absent")]),
    ];
    expect(summarize(results)).toEqual({ ok: false, failedStep: null, unchecked: [], waitingFor: ["b", "e"] });
    expect(summarize([step("witnesses", "waiting")])).toEqual({ ok: false, failedStep: null, unchecked: [], waitingFor: [] });
  });

  it("names the first failed step, waits for nobody then, and lists every skipped step", () => {
    const results = [
      step("content", "ok"),
      step("leaf", "skipped"),
      step("inclusion", "failed"),
      step("signature", "failed"),
      step("witnesses", "waiting", [witness("a", "absent")]),
    ];
    expect(summarize(results)).toEqual({ ok: false, failedStep: "inclusion", unchecked: ["leaf"], waitingFor: null });
    expect(summarize([step("content", "ok"), step("consistency", "skipped"), step("witnesses", "skipped")])).toEqual({
      ok: true,
      failedStep: null,
      unchecked: ["consistency", "witnesses"],
      waitingFor: null,
    });
  });
});
