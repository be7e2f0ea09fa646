/**
 * The committed, built CLI (bin/gongshi-verify.mjs) run as a user would: plain `node`, no
 * network, files on disk. Each kind of tampering must exit non-zero naming its step. The first
 * test keeps the committed build honest: rebuilding from the sources must give the same bytes.
 */
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { generateKey, parseSignerKey } from "@/lib/log";
import pkg from "../../package.json";
import { ORIGIN, checkpointAt, clone, resealed, sampleLog, type SampleLog } from "./fixtures";
import { cosign, demoWitnesses, makeWitness, policyText } from "./witness-fixtures";

const CLI = path.resolve("bin/gongshi-verify.mjs");
const TESSERA_KEY = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
const testdata = (name: string) => path.resolve("test/verify/testdata", name);
let dir: string;
let sample: SampleLog;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv });
  return { code: result.status, out: result.stdout + result.stderr };
}
function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gongshi-verify-"));
  sample = await sampleLog();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("gongshi-verify (built)", () => {
  it("is the build of the current sources (npm run build:verify-cli)", async () => {
    const script = pkg.scripts["build:verify-cli"];
    expect(script).toContain("--outfile=bin/gongshi-verify.mjs");
    expect(pkg.bin["gongshi-verify"]).toBe("bin/gongshi-verify.mjs");
    const result = await build({
      entryPoints: ["scripts/gongshi-verify/main.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      legalComments: "none",
      banner: { js: "#!/usr/bin/env node" },
      write: false,
      outfile: "bin/gongshi-verify.mjs",
    });
    expect(result.outputFiles[0]!.text === readFileSync(CLI, "utf8"), "bin/gongshi-verify.mjs is stale: run npm run build:verify-cli").toBe(true);
    expect(readFileSync(CLI, "utf8")).not.toMatch(/from "(@noble|@\/)/);
  });

  it("exits 0 with a summary for a good bundle checked with the trusted key", () => {
    const bundle = file("good.json", JSON.stringify(sample.bundle));
    const { code, out } = cli(bundle, "--key", sample.verifierKey);
    expect(out).toContain("VERIFIED");
    expect(out).toMatch(/ok\s+signature/);
    expect(code).toBe(0);
  });

  it("warns when no key is given, and checks consistency against a kept checkpoint", () => {
    const bundle = file("with-consistency.json", JSON.stringify({ ...sample.bundle, consistency: { from: 3, proof: sample.earlier.proof } }));
    const kept = file("kept.txt", sample.earlier.checkpoint);
    const { code, out } = cli(bundle, "--checkpoint", kept);
    expect(out).toContain("warning: no --key given");
    expect(out).toMatch(/ok\s+consistency.*\[consistent\]/);
    expect(code).toBe(0);
    const plain = cli(file("plain.json", JSON.stringify(sample.bundle)), "--checkpoint", kept, "--key", sample.verifierKey);
    expect(plain.out).toContain("VERIFIED (not checked: consistency)");
    expect(plain.code).toBe(0);
  });

  it("exits non-zero naming the step for each kind of tampering", async () => {
    const body = clone(sample.bundle);
    body.fields.body = "被改过的正文";
    const proof = clone(sample.bundle);
    proof.inclusionProof[0] = proof.inclusionProof[1]!;
    const other = parseSignerKey(generateKey(ORIGIN).signerKey);
    const resigned = clone(sample.bundle);
    resigned.checkpoint = await checkpointAt(sample.log, 8, other);
    const fork = await sampleLog({ signerKey: sample.signerKey, fillerSeed: "fork" });
    const cases: [string, object, string[]][] = [
      ["content", body, []],
      ["inclusion", resealed(proof), []],
      ["signature", resealed(resigned), []],
      ["consistency", sample.bundle, ["--checkpoint", file("fork.txt", fork.bundle.checkpoint)]],
    ];
    for (const [step, bundle, extra] of cases) {
      const { code, out } = cli(file(`bad-${step}.json`, JSON.stringify(bundle)), "--key", sample.verifierKey, ...extra);
      expect(out, out).toContain(`FAILED at step: ${step}`);
      expect(code).toBe(1);
    }
    const named = cli(file("bad-content.json", JSON.stringify(body)), "--key", sample.verifierKey);
    expect(named.out).toContain('"body"');
  });

  it("exits 2 on a malformed bundle or bad arguments", () => {
    expect(cli(file("junk.json", '{"format":"gongshi/proof-bundle/v1"}')).code).toBe(2);
    expect(cli(file("extra.json", JSON.stringify({ ...sample.bundle, extra: 1 }))).out).toContain('unknown member "extra"');
    expect(cli().code).toBe(2);
    expect(cli("x.json", "--bogus", "1").out).toContain("unknown option --bogus");
  });

  it("verifies a Tessera tlog-proof, and fails when the entry or the proof changes", () => {
    const proof = testdata("tessera-index2.tlog-proof");
    const entry = testdata("tessera-index2.entry");
    const good = cli("tlog-proof", proof, "--entry", entry, "--key", TESSERA_KEY);
    expect(good.out).toContain("VERIFIED: entry 2");
    expect(good.code).toBe(0);
    const wrongEntry = cli("tlog-proof", proof, "--entry", file("four", "four"), "--key", TESSERA_KEY);
    expect(wrongEntry.out).toContain("FAILED at step: inclusion");
    expect(wrongEntry.code).toBe(1);
    const text = readFileSync(proof, "utf8");
    const flipped = text.replace("9xWrP6pd", "9xWrP6pe");
    expect(flipped).not.toBe(text);
    expect(cli("tlog-proof", file("flipped.tlog-proof", flipped), "--entry", entry, "--key", TESSERA_KEY).code).toBe(1);
    const otherKey = generateKey("example.com/log/testdata").verifierKey;
    const wrongKey = cli("tlog-proof", proof, "--entry", entry, "--key", otherKey);
    expect(wrongKey.out).toContain("FAILED at step: signature");
    expect(wrongKey.code).toBe(1);
  });

  it("verifies Gongshi's own tlog-proof of a bundle's leaf bytes", () => {
    const proof = file("own.tlog-proof", sample.bundle.tlogProof);
    const entry = file("own.leaf", Buffer.from(sample.bundle.entry.leaf, "base64"));
    const { code, out } = cli("tlog-proof", proof, "--entry", entry, "--key", sample.verifierKey, "--origin", ORIGIN);
    expect(out).toContain("VERIFIED: entry 5");
    expect(code).toBe(0);
  });
});

describe("gongshi-verify --policy (built)", () => {
  const [daily, archives] = demoWitnesses();
  let n = 0;
  /** The sample bundle with another checkpoint note, its tlog-proof copy redone to match. */
  const bundleFile = (note: string) => file(`cosigned-${n++}.json`, JSON.stringify(resealed({ ...sample.bundle, checkpoint: note })));
  let policy: string;
  beforeAll(() => {
    policy = file("policy.txt", policyText([daily, archives], "all", sample.verifierKey));
  });

  it("exits 0 saying cosigned by 2 of 2, naming each witness", () => {
    const { code, out } = cli(bundleFile(cosign(sample.bundle.checkpoint, [daily, archives])), "--key", sample.verifierKey, "--policy", policy);
    expect(out).toContain("quorum: all of: 海平日报, 海平市档案馆");
    expect(out).toContain("VERIFIED — cosigned by 2 of 2: 海平日报, 海平市档案馆");
    expect(out).toMatch(/witness 海平日报 \(witness\.haiping-daily\.example\+[0-9a-f]{8}\): cosigned at 2026-/);
    expect(out).not.toContain("warning");
    expect(code).toBe(0);
  });

  it("exits 3 saying waiting for witnesses, naming who has not cosigned", () => {
    const { code, out } = cli(bundleFile(cosign(sample.bundle.checkpoint, [daily])), "--key", sample.verifierKey, "--policy", policy);
    expect(out).toContain("NOT VERIFIED: waiting for witnesses");
    expect(out).toContain("cosigned by 1 of 2: 海平日报; not yet cosigned by 海平市档案馆");
    expect(out).toMatch(/witness 海平市档案馆 .*: has not cosigned/);
    expect(out).not.toContain("VERIFIED —");
    expect(code).toBe(3);
  });

  it("exits 1 at the witnesses step for a forged cosignature", () => {
    const good = cosign(sample.bundle.checkpoint, [daily, archives]);
    const lines = good.split("\n");
    const at = lines.findIndex((l) => l.startsWith("— witness.haiping-archives.example "));
    const raw = Buffer.from(lines[at]!.split(" ")[2]!, "base64");
    raw[30]! ^= 1;
    lines[at] = `— witness.haiping-archives.example ${raw.toString("base64")}`;
    const { code, out } = cli(bundleFile(lines.join("\n")), "--key", sample.verifierKey, "--policy", policy);
    expect(out).toContain("FAILED at step: witnesses");
    expect(out).toMatch(/witness 海平市档案馆 .*DOES NOT VERIFY/);
    expect(code).toBe(1);
  });

  it("keeps --witness working as a quorum of any one key, and refuses a bad policy naming its line", () => {
    const note = cosign(sample.bundle.checkpoint, [archives]);
    const one = cli(bundleFile(note), "--key", sample.verifierKey, "--witness", daily.verifierKey, "--witness", archives.verifierKey);
    expect(one.out).toContain("VERIFIED — cosigned by 1 of 2: witness.haiping-archives.example");
    expect(one.code).toBe(0);
    expect(cli(bundleFile(note), "--key", sample.verifierKey, "--witness", daily.verifierKey).code).toBe(3);
    const bad = cli(bundleFile(note), "--policy", file("bad-policy.txt", "witness x notakey\nquorum x\n"));
    expect(bad.out).toContain("policy line 1");
    expect(bad.code).toBe(2);
    expect(cli(bundleFile(note), "--policy", policy, "--witness", daily.verifierKey).code).toBe(2);
  });

  it("checks the cosignatures in a tlog-proof's checkpoint with --policy", () => {
    const entry = file("leaf.bin", Buffer.from(sample.bundle.entry.leaf, "base64"));
    const proofWith = (note: string) => file(`p-${n++}.tlog-proof`, sample.bundle.tlogProof.replace(sample.bundle.checkpoint, note));
    const args = ["--entry", entry, "--key", sample.verifierKey, "--origin", ORIGIN, "--policy", policy];
    const both = cli("tlog-proof", proofWith(cosign(sample.bundle.checkpoint, [daily, archives])), ...args);
    expect(both.out).toContain("VERIFIED: entry 5");
    expect(both.out).toContain("cosigned by 2 of 2: 海平日报, 海平市档案馆");
    expect(both.code).toBe(0);
    const one = cli("tlog-proof", proofWith(cosign(sample.bundle.checkpoint, [daily])), ...args);
    expect(one.out).toContain("NOT VERIFIED: waiting for witnesses");
    expect(one.out).toContain("not yet cosigned by 海平市档案馆");
    expect(one.code).toBe(3);
    const impostor = makeWitness("海平日报", "witness.haiping-daily.example");
    const real = cosign(sample.bundle.checkpoint, [daily, archives]);
    const fakeLine = cosign(sample.bundle.checkpoint, [impostor]).split("\n").at(-2)!;
    const realLine = real.split("\n").find((l) => l.startsWith("— witness.haiping-daily.example "))!;
    const idPart = Buffer.from(realLine.split(" ")[2]!, "base64").subarray(0, 4);
    const forgedLine = `— witness.haiping-daily.example ${Buffer.concat([idPart, Buffer.from(fakeLine.split(" ")[2]!, "base64").subarray(4)]).toString("base64")}`;
    const forged = cli("tlog-proof", proofWith(real.replace(realLine, forgedLine)), ...args);
    expect(forged.out).toContain("FAILED at step: witnesses");
    expect(forged.code).toBe(1);
  });
});
