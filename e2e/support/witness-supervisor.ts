/**
 * The e2e witnesses: the real witness program (bin/gongshi-witness.mjs), twice, with fresh data
 * directories every run (a witness keeps the last checkpoint it cosigned, and each e2e run starts
 * a new log). Started by playwright.config.ts as a web server of its own.
 *
 * A witness that exits is started again on the same data directory, unless the test that
 * stopped it holds it down (e2e/support/witnesses.ts: a "<slug>.hold" file), so a test can
 * show publishing going on without a witness and the witness catching up after its restart.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { E2E_WITNESSES, type TestWitness } from "./test-witness-keys";
import { dataDir, holdFile, pidFile, prepareWitnessData, WITNESS_BIN, witnessRoot } from "./witnesses";

const root = witnessRoot;

const children = new Map<TestWitness, ChildProcess>();
let stopping = false;

function serve(w: TestWitness): void {
  const child = spawn(process.execPath, [WITNESS_BIN, "serve", "--data", dataDir(w), "--listen", `127.0.0.1:${w.port}`], { stdio: ["ignore", "inherit", "inherit"] });
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
    prepareWitnessData(w, dataDir(w));
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
