/**
 * Stopping and restarting an e2e witness from a test. The witnesses run under
 * e2e/support/witness-supervisor.ts, which restarts one that exits unless its hold file exists.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { KEY_FILE } from "../../scripts/gongshi-witness/data-dir";
import { E2E_LOG_ORIGIN, E2E_VERIFIER_KEY } from "./test-log-key";
import { E2E_WITNESS_ROOT, type TestWitness } from "./test-witness-keys";

/** The real witness program, as operators run it. */
export const WITNESS_BIN = path.resolve("bin/gongshi-witness.mjs");

export const witnessRoot = path.resolve(E2E_WITNESS_ROOT);
export const dataDir = (w: TestWitness) => path.join(witnessRoot, `w${w.port}`);
export const holdFile = (w: TestWitness) => path.join(witnessRoot, `w${w.port}.hold`);
export const pidFile = (w: TestWitness) => path.join(witnessRoot, `w${w.port}.pid`);

/**
 * A fresh data directory for `w` that trusts the e2e log. `init` makes a random key; the e2e
 * pages have these witnesses' fixed keys built in, so the key file is replaced.
 */
export function prepareWitnessData(w: TestWitness, dir: string): void {
  const name = w.verifierKey.split("+")[0]!;
  execFileSync(process.execPath, [WITNESS_BIN, "init", "--data", dir, "--name", name], { stdio: "ignore" });
  writeFileSync(path.join(dir, KEY_FILE), w.signerKey + "\n", { mode: 0o600 });
  execFileSync(process.execPath, [WITNESS_BIN, "add-log", "--data", dir, "--origin", E2E_LOG_ORIGIN, "--key", E2E_VERIFIER_KEY], { stdio: "ignore" });
}

export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function waitFor(port: number, up: boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await listening(port)) === up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`witness on port ${port} did not ${up ? "start" : "stop"}`);
}

/** Kills the witness at once (SIGKILL, as a crash or a pulled plug would) and keeps it down. */
export async function stopWitness(w: TestWitness): Promise<void> {
  writeFileSync(holdFile(w), "");
  process.kill(Number(readFileSync(pidFile(w), "utf8")), "SIGKILL");
  await waitFor(w.port, false);
}

/** Lets the supervisor start it again on the same data directory, and waits until it listens. */
export async function restartWitness(w: TestWitness): Promise<void> {
  if (existsSync(holdFile(w))) rmSync(holdFile(w));
  await waitFor(w.port, true);
}
