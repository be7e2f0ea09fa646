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
import { generateKey, parseSignerKey, signNote } from "@/lib/core/log";
import pkg from "../../package.json";
import { ORIGIN, SAMPLE, checkpointAt, clone, resealed, sampleLog, type SampleLog } from "./fixtures";
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

  it("checks consistency against a kept checkpoint", () => {
    const bundle = file("with-consistency.json", JSON.stringify({ ...sample.bundle, consistency: { from: 3, proof: sample.earlier.proof } }));
    const kept = file("kept.txt", sample.earlier.checkpoint);
    const { code, out } = cli(bundle, "--checkpoint", kept, "--key", sample.verifierKey);
    expect(out).toMatch(/ok\s+consistency.*\[consistent\]/);
    expect(code).toBe(0);
    const plain = cli(file("plain.json", JSON.stringify(sample.bundle)), "--checkpoint", kept, "--key", sample.verifierKey);
    expect(plain.out).toContain("VERIFIED (not checked: consistency)");
    expect(plain.code).toBe(0);
  });

  it("never says VERIFIED without --key: it names the key it needs and exits 2", () => {
    const { code, out } = cli(file("no-key.json", JSON.stringify(sample.bundle)));
    expect(out).not.toMatch(/^VERIFIED/m);
    expect(out).toContain("NOT VERIFIED: no --key given");
    expect(out).toContain(`--key <the verifier key of log ${ORIGIN}>`);
    expect(out).toContain(`the bundle names key ${sample.verifierKey.split("+").slice(0, 2).join("+")}`);
    expect(code).toBe(2);
    const list = cli(file("no-key-list.json", JSON.stringify({ format: "gongshi/proof-bundles/v1", bundles: [sample.bundle, sample.bundle], next: null })));
    expect(list.out).not.toMatch(/^VERIFIED/m);
    expect(list.out).toContain("0 of 2 bundles verified, 2 not verified for want of --key");
    expect(list.code).toBe(2);
    // Evidence against the bundle is a failure with or without a trusted key.
    const body = clone(sample.bundle);
    body.fields.body = "被改过的正文";
    const tampered = cli(file("no-key-tampered.json", JSON.stringify(body)));
    expect(tampered.out).toContain("FAILED at step: content");
    expect(tampered.code).toBe(1);
  });

  it("reads a kept checkpoint saved with trailing whitespace or an extra newline as the same note", () => {
    const bundle = file("kept-ws.json", JSON.stringify({ ...sample.bundle, consistency: { from: 3, proof: sample.earlier.proof } }));
    for (const [name, tail] of [
      ["jq", "\n"],
      ["spaces", "  \n\n"],
      ["crlf", "\r\n"],
      ["tab", "\t"],
    ] as const) {
      const { code, out } = cli(bundle, "--key", sample.verifierKey, "--checkpoint", file(`kept-${name}.txt`, sample.earlier.checkpoint + tail));
      expect(out, name).toMatch(/ok\s+consistency.*\[consistent\]/);
      expect(out, name).toContain("VERIFIED");
      expect(code, name).toBe(0);
    }
  });

  it("refuses an unreadable or foreign kept checkpoint as bad input (exit 2), never as a forked log", () => {
    const bundle = file("kept-bad.json", JSON.stringify({ ...sample.bundle, consistency: { from: 3, proof: sample.earlier.proof } }));
    const note = sample.earlier.checkpoint;
    const [origin, size, root] = note.split("\n");
    const unreadable = {
      garbage: "not a checkpoint\n",
      empty: "",
      "no-signatures": `${origin}\n${size}\n${root}\n`,
      "bad-signature-line": note.replace(/\n— (\S+) (\S+)\n$/, "\n— $1 !!notbase64!!\n"),
      json: JSON.stringify({ checkpoint: note }),
      "not-utf8": Buffer.from([0xff, 0xfe, 0x00]),
    };
    for (const [name, content] of Object.entries(unreadable)) {
      const { code, out } = cli(bundle, "--key", sample.verifierKey, "--checkpoint", file(`kept-${name}.txt`, content));
      expect(out, name).toContain("kept-" + name + ".txt");
      expect(out, name).not.toContain("FAILED");
      expect(out, name).not.toMatch(/^VERIFIED/m);
      expect(code, name).toBe(2);
    }
    expect(cli(bundle, "--key", sample.verifierKey, "--checkpoint", file("kept-garbage2.txt", "x\n")).out).toContain("unreadable kept checkpoint");
    // Byte-exact inside the note: only the file's end is normalised, so trailing space within the signed text stays and is refused.
    const inner = cli(bundle, "--key", sample.verifierKey, "--checkpoint", file("kept-inner-space.txt", note.replace(`${root}\n`, `${root} \n`)));
    expect(inner.out).toContain("unreadable kept checkpoint");
    expect(inner.code).toBe(2);
    // A changed signed text that still reads as a checkpoint fails the log's signature: not this log's note, not a fork.
    const altered = note.replace(`\n${size}\n`, `\n${Number(size) + 1}\n`);
    expect(altered).not.toBe(note);
    const foreign = parseSignerKey(generateKey(ORIGIN).signerKey);
    for (const [name, content] of [
      ["altered", altered],
      ["other-key", signNote(`${origin}\n${size}\n${root}\n`, [foreign])],
    ] as const) {
      const { code, out } = cli(bundle, "--key", sample.verifierKey, "--checkpoint", file(`kept-${name}.txt`, content));
      expect(out, name).toContain("it cannot be compared");
      expect(out, name).not.toContain("FAILED");
      expect(code, name).toBe(2);
    }
  });

  it("checks --attachment files against the version's logged attachments", () => {
    const bundle = file("att.json", JSON.stringify(sample.bundle));
    const good = file("规划图-copy.pdf", SAMPLE.attachmentBytes);
    const ok = cli(bundle, "--key", sample.verifierKey, "--attachment", good);
    expect(ok.out).toContain(`${good} is attachment 1 of 1 "规划图.pdf" (${SAMPLE.attachment.size} bytes, sha256 ${SAMPLE.attachment.sha256}) [attachment-match]`);
    expect(ok.out).toMatch(/^VERIFIED/m);
    expect(ok.code).toBe(0);
    const longer = file("longer.pdf", Buffer.concat([SAMPLE.attachmentBytes, Buffer.from("\n")]));
    const bad = cli(bundle, "--key", sample.verifierKey, "--attachment", good, "--attachment", longer);
    expect(bad.out).toContain("[attachment-match]");
    expect(bad.out).toMatch(new RegExp(`FAIL\\s+attachments\\s+${longer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} .*matches no attachment of version 1`));
    expect(bad.out).toContain(`FAILED at step: attachments — ${longer} is not an attachment of version 1`);
    expect(bad.out).not.toMatch(/^VERIFIED/m);
    expect(bad.code).toBe(1);
    expect(cli(bundle, "--key", sample.verifierKey, "--attachment", path.join(dir, "missing.pdf")).code).toBe(2);
    const list = file("att-list.json", JSON.stringify({ format: "gongshi/proof-bundles/v1", bundles: [sample.bundle, sample.bundle], next: null }));
    expect(cli(list, "--key", sample.verifierKey, "--attachment", good).code).toBe(2);
  });

  it("says a matched attachment's name is withheld, and checks --attachment against a tlog-proof's notice leaf", async () => {
    const redacted = await sampleLog({ withhold: ["attachments/0/name"] });
    const good = file("withheld.pdf", SAMPLE.attachmentBytes);
    const withheld = cli(file("att-withheld.json", JSON.stringify(redacted.bundle)), "--key", redacted.verifierKey, "--attachment", good);
    expect(withheld.out).toContain(`${good} is attachment 1 of 1 (name withheld)`);
    expect(withheld.code).toBe(0);
    const proof = file("att.tlog-proof", sample.bundle.tlogProof);
    const entry = file("att.leaf", Buffer.from(sample.bundle.entry.leaf, "base64"));
    const args = ["tlog-proof", proof, "--entry", entry, "--key", sample.verifierKey, "--origin", ORIGIN];
    const matched = cli(...args, "--attachment", good);
    expect(matched.out).toContain(`${good} is attachment 1 of 1 (`);
    expect(matched.out).toContain("VERIFIED: entry 5");
    expect(matched.code).toBe(0);
    const other = file("other.pdf", "other");
    const failed = cli(...args, "--attachment", other);
    expect(failed.out).toContain(`FAILED at step: attachments — entry 5 is in ${ORIGIN}`);
    expect(failed.out).toContain(`${other} is not an attachment of it`);
    expect(failed.code).toBe(1);
    const tessera = cli("tlog-proof", testdata("tessera-index2.tlog-proof"), "--entry", testdata("tessera-index2.entry"), "--key", TESSERA_KEY, "--attachment", good);
    expect(tessera.out).toContain("is not a Gongshi notice version's leaf");
    expect(tessera.code).toBe(2);
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

describe("gongshi-verify, a kept checkpoint from another history (built)", () => {
  let fork: SampleLog;
  beforeAll(async () => {
    fork = await sampleLog({ signerKey: sample.signerKey, fillerSeed: "fork" });
  });
  /** The signed notes printed between the dashed lines, in order. */
  const printedNotes = (out: string) => [...out.matchAll(/^----- checkpoint of \d+ entries \([^)]*\) -----\n([\s\S]*?)(?=\n-----)/gm)].map((m) => `${m[1]}\n`);

  it("gives the browser's split-view verdict, both signed notes verbatim, for a forked checkpoint of the same size", () => {
    const { code, out } = cli(file("split.json", JSON.stringify(sample.bundle)), "--key", sample.verifierKey, "--checkpoint", file("split-kept.txt", fork.bundle.checkpoint));
    expect(out).toContain("FAILED at step: consistency");
    expect(out).toContain(
      "TWO HISTORIES: the log's key signed two checkpoints that cannot both be true: both checkpoints are for 8 entries but name different root hashes [same-size-different-roots].",
    );
    expect(out).toContain("----- checkpoint of 8 entries (the kept checkpoint) -----");
    expect(printedNotes(out)).toEqual([fork.bundle.checkpoint, sample.bundle.checkpoint]);
    expect(code).toBe(1);
  });

  it("says nothing of two histories for the same checkpoint, an earlier one of the same log, or without --key", () => {
    const bundle = file("one-history.json", JSON.stringify(sample.bundle));
    const same = cli(bundle, "--key", sample.verifierKey, "--checkpoint", file("same-kept.txt", sample.bundle.checkpoint));
    expect(same.out).toMatch(/ok\s+consistency.*\[same-tree\]/);
    expect(same.out).not.toContain("TWO HISTORIES");
    expect(same.code).toBe(0);
    const earlier = cli(bundle, "--key", sample.verifierKey, "--checkpoint", file("earlier-kept.txt", sample.earlier.checkpoint));
    expect(earlier.out).toContain("VERIFIED (not checked: consistency)");
    expect(earlier.out).not.toContain("TWO HISTORIES");
    // The bundle's own key could have signed both notes: the step fails, but no evidence is claimed.
    const keyless = cli(bundle, "--checkpoint", file("keyless-kept.txt", fork.bundle.checkpoint));
    expect(keyless.out).toContain("FAILED at step: consistency");
    expect(keyless.out).not.toContain("TWO HISTORIES");
  });

  it("names the witnesses behind each history with --policy", () => {
    const [daily, archives] = demoWitnesses();
    const policy = file("split-policy.txt", policyText([daily, archives], "all", sample.verifierKey));
    const bundle = file("split-cosigned.json", JSON.stringify(resealed({ ...sample.bundle, checkpoint: cosign(sample.bundle.checkpoint, [daily, archives]) })));
    const kept = cosign(fork.bundle.checkpoint, [daily]);
    const { code, out } = cli(bundle, "--key", sample.verifierKey, "--policy", policy, "--checkpoint", file("split-kept-cosigned.txt", kept));
    expect(out).toContain("the checkpoint of 8 entries is cosigned by 海平日报; the one of 8 entries is cosigned by 海平日报, 海平市档案馆");
    expect(out).toContain("海平日报 cosigned both, vouching for two histories");
    expect(printedNotes(out)[0]).toBe(kept);
    expect(code).toBe(1);
  });
});
