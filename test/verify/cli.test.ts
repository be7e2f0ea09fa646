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
