/**
 * The e2e witnesses: the real witness program (bin/gongshi-witness.mjs), twice, with fresh data
 * directories every run (a witness keeps the last checkpoint it cosigned, and each e2e run starts
 * a new log). Started by playwright.config.ts as a web server of its own.
 *
 * A witness that exits is started again on the same data directory, unless the test that
 * stopped it holds it down (e2e/support/witnesses.ts: a "<slug>.hold" file), so a test can
 * show publishing going on without a witness and the witness catching up after its restart.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEY_FILE } from "../../scripts/gongshi-witness/data-dir";
import { E2E_LOG_ORIGIN, E2E_VERIFIER_KEY } from "./test-log-key";
import { E2E_WITNESSES, type TestWitness } from "./test-witness-keys";
import { dataDir, holdFile, pidFile, witnessRoot } from "./witnesses";

const BIN = path.resolve("bin/gongshi-witness.mjs");
const root = witnessRoot;

/** `init` makes a random key; the e2e pages have these witnesses' fixed keys built in, so the key file is replaced. */
function prepare(w: TestWitness): void {
  const dir = dataDir(w);
  const name = w.verifierKey.split("+")[0]!;
  execFileSync(process.execPath, [BIN, "init", "--data", dir, "--name", name], { stdio: "ignore" });
  writeFileSync(path.join(dir, KEY_FILE), w.signerKey + "\n", { mode: 0o600 });
  execFileSync(process.execPath, [BIN, "add-log", "--data", dir, "--origin", E2E_LOG_ORIGIN, "--key", E2E_VERIFIER_KEY], { stdio: "ignore" });
}

const children = new Map<TestWitness, ChildProcess>();
let stopping = false;

function serve(w: TestWitness): void {
  const child = spawn(process.execPath, [BIN, "serve", "--data", dataDir(w), "--listen", `127.0.0.1:${w.port}`], { stdio: ["ignore", "inherit", "inherit"] });
  children.set(w, child);
  writeFileSync(pidFile(w), String(child.pid));
  child.once("exit", () => {
    if (stopping) return;
    const again = () => (existsSync(holdFile(w)) ? setTimeout(again, 100) : serve(w));
    setTimeout(again, 100);
  });
}

function main(): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const w of E2E_WITNESSES) {
    prepare(w);
    serve(w);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const child of children.values()) child.kill("SIGTERM");
      setTimeout(() => process.exit(0), 200);
    });
  }
}

main();
