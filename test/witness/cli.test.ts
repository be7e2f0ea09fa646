/**
 * The committed, built witness (bin/gongshi-witness.mjs) as an operator runs it: the build is
 * current, init/add-log/serve check their arguments and files, one serve per data directory,
 * and a directory left by a crash (stale lock, temp file, torn history line) reopens.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import {
  formatAddCheckpointRequest,
  fromBase64,
  generateCosignatureKey,
  generateKey,
  parseCosignatureSignerKey,
  parseCosignatureVerifierKey,
  parseSignerKey,
  sha256Hash,
  signCheckpoint,
  toHex,
  utf8,
} from "@/lib/core/log";
import pkg from "../../package.json";
import { BIN, cli, get, post, setUpWitness, startWitness, stopWitness } from "./harness";

let root: string;
let n = 0;
const freshDir = () => path.join(root, `w${n++}`);

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "gongshi-witness-cli-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("gongshi-witness (built)", () => {
  it("is the build of the current sources (npm run build:witness)", async () => {
    expect(pkg.scripts["build:witness"]).toContain("--outfile=bin/gongshi-witness.mjs");
    expect(pkg.bin["gongshi-witness"]).toBe("bin/gongshi-witness.mjs");
    const result = await build({
      entryPoints: ["scripts/gongshi-witness/main.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      legalComments: "none",
      // The same bytes from a worktree whose node_modules is a symlink as from a clone.
      preserveSymlinks: true,
      banner: { js: "#!/usr/bin/env node" },
      write: false,
      outfile: "bin/gongshi-witness.mjs",
    });
    expect(result.outputFiles[0]!.text === readFileSync(BIN, "utf8"), "bin/gongshi-witness.mjs is stale: run npm run build:witness").toBe(true);
    expect(readFileSync(BIN, "utf8")).not.toMatch(/from "(@noble|@\/)/);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it("init creates a 0600 key and prints its 0x04 verifier key last; a second init refuses", () => {
    const dir = freshDir();
    const first = cli("init", "--data", dir, "--name", "news.example/witness");
    expect(first.code).toBe(0);
    const vkey = first.stdout.trimEnd().split("\n").at(-1)!;
    // name+keyid+base64(type || key); the base64 itself may contain "+".
    expect(fromBase64(vkey.slice(vkey.indexOf("+", vkey.indexOf("+") + 1) + 1))[0]).toBe(0x04);
    expect(parseCosignatureVerifierKey(vkey).name).toBe("news.example/witness");
    const keyFile = path.join(dir, "witness.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, "utf8");
    expect(parseCosignatureSignerKey(key.trim()).verifierKey).toBe(vkey);
    expect(first.stdout + first.stderr).not.toContain("PRIVATE+KEY");

    const second = cli("init", "--data", dir, "--name", "news.example/witness");
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists; refusing/);
    expect(readFileSync(keyFile, "utf8")).toBe(key);
  });

  it("exits 2 with the usage for bad arguments", () => {
    const dir = freshDir();
    for (const args of [
      [],
      ["frobnicate"],
      ["init", "--data", dir],
      ["init", "--data", dir, "--name", "a b"],
      ["init", "--data", dir, "--name", "x", "--name", "y"],
      ["init", "--data", dir, "--name", "x", "--extra", "1"],
      ["serve", "--data", dir, "--listen", "7380"],
      ["serve", "--data", dir, "--listen", "127.0.0.1:99999"],
      ["add-log", "--data", dir, "--origin", "o"],
    ]) {
      const result = cli(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage:");
    }
  });

  it("add-log validates the key, is idempotent, and takes more than one key per origin", () => {
    const dir = freshDir();
    const logKey = generateKey("log.example/a").verifierKey;
    expect(cli("add-log", "--data", dir, "--origin", "log.example/a", "--key", logKey).code).toBe(1); // no init yet
    setUpWitness(dir, "w.example", []);
    for (const bad of ["nonsense", logKey.slice(0, -2) + "AA", generateCosignatureKey("log.example/a").verifierKey]) {
      const result = cli("add-log", "--data", dir, "--origin", "log.example/a", "--key", bad);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain("--key is not a log verifier key");
    }
    expect(cli("add-log", "--data", dir, "--origin", "log.example/a", "--key", logKey).code).toBe(0);
    const once = readFileSync(path.join(dir, "logs.json"), "utf8");
    expect(cli("add-log", "--data", dir, "--origin", "log.example/a", "--key", logKey).code).toBe(0);
    expect(readFileSync(path.join(dir, "logs.json"), "utf8")).toBe(once);
    const rotated = generateKey("log.example/a").verifierKey;
    expect(cli("add-log", "--data", dir, "--origin", "log.example/a", "--key", rotated).code).toBe(0);
    expect(cli("add-log", "--data", dir, "--origin", "log.example/b", "--key", generateKey("log.example/b").verifierKey).code).toBe(0);
    const logs = (JSON.parse(readFileSync(path.join(dir, "logs.json"), "utf8")) as { logs: { origin: string; keys: string[] }[] }).logs;
    expect(logs.map((l) => [l.origin, l.keys.length])).toEqual([
      ["log.example/a", 2],
      ["log.example/b", 1],
    ]);
  });

  it("serve refuses a second process on the same directory, and takes over the lock of a killed one", async () => {
    const dir = freshDir();
    setUpWitness(dir, "w.example", []);
    const first = await startWitness(dir);
    const second = cli("serve", "--data", dir, "--listen", "127.0.0.1:0");
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`another gongshi-witness (pid ${first.child.pid}) is serving`);
    first.child.kill("SIGKILL");
    await first.exited;
    const third = await startWitness(dir);
    await stopWitness(third);
    // A lock naming a live process that started at another time (a reused pid) is stale too.
    writeFileSync(path.join(dir, "serve.lock"), `${process.pid} 1\n`);
    await stopWitness(await startWitness(dir));
  });

  it("reopens after a crash left a temp file and a torn history line, and refuses a damaged state", async () => {
    const dir = freshDir();
    const origin = "log.example/crash";
    const log = generateKey(origin);
    setUpWitness(dir, "w.example", [{ origin, key: log.verifierKey }]);
    const signer = parseSignerKey(log.signerKey);
    const empty = signCheckpoint({ origin, size: 0, rootHash: sha256Hash(new Uint8Array(0)), extensions: [] }, signer);
    let witness = await startWitness(dir);
    expect((await post(witness.url, formatAddCheckpointRequest({ oldSize: 0, proof: [], signedCheckpoint: empty }))).status).toBe(200);
    await stopWitness(witness);

    const logDir = path.join(dir, "logs", toHex(sha256Hash(utf8(origin))));
    writeFileSync(path.join(logDir, "checkpoint.tmp-4242"), "log.example/cr");
    appendFileSync(path.join(logDir, "history"), '{"time":"2026-');
    witness = await startWitness(dir);
    const served = await get(witness.url, `/${toHex(sha256Hash(utf8(origin)))}/checkpoint`);
    await stopWitness(witness);
    expect(served.status).toBe(200);
    expect(served.body.startsWith(`${origin}\n0\n`)).toBe(true);
    const lines = readFileSync(path.join(logDir, "history"), "utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { size: number }).size)).toEqual([0]);

    writeFileSync(path.join(logDir, "checkpoint"), "not a checkpoint");
    const refused = cli("serve", "--data", dir, "--listen", "127.0.0.1:0");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is damaged .* refusing to start/);
  });
});
