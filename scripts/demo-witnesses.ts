/**
 * Two local witnesses for `npm run up`, so the demo shows what a real deployment has: other
 * parties cosigning every checkpoint. Each is the real witness program (bin/gongshi-witness.mjs)
 * with its own data directory and port, and a C2SP tlog-policy file requiring both is handed to
 * the portal through LOG_WITNESS_POLICY.
 *
 * A witness remembers the last checkpoint it cosigned and refuses any other history from then
 * on; that is its whole point. So when the demo database is new (seeded afresh), the demo
 * witnesses are made afresh too: old ones would rightly refuse the new log as a fork.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEY_FILE, readSigner } from "./gongshi-witness/data-dir";

const WITNESS_BIN = path.resolve("bin/gongshi-witness.mjs");

export interface DemoWitness {
  /** The policy's name, shown by the verifier. */
  name: string;
  /** The witness's key name (its identity in cosignature lines). */
  keyName: string;
  slug: string;
}

export const DEMO_WITNESSES: readonly DemoWitness[] = [
  { name: "海平日报", keyName: "witness.haiping-daily.example", slug: "haiping-daily" },
  { name: "海平市档案馆", keyName: "witness.haiping-archives.example", slug: "haiping-archives" },
];

export interface RunningWitnesses {
  policyFile: string;
  stop(): void;
}

function witnessCli(args: readonly string[]): void {
  execFileSync(process.execPath, [WITNESS_BIN, ...args], { stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * Makes (or, with `fresh`, remakes) the demo witnesses under `root`, trusting the log
 * (`origin`, `verifierKey`), starts them on `firstPort` and the next port, and writes the policy.
 */
export function startDemoWitnesses(opts: { root: string; origin: string; verifierKey: string; firstPort: number; fresh: boolean }): RunningWitnesses {
  if (opts.fresh) rmSync(opts.root, { recursive: true, force: true });
  mkdirSync(opts.root, { recursive: true });
  const lines = ["# Demo witness policy written by npm run up: both local witnesses must cosign.", `log ${opts.verifierKey}`];
  const children: ChildProcess[] = [];
  DEMO_WITNESSES.forEach((witness, i) => {
    const dir = path.join(opts.root, witness.slug);
    if (!existsSync(path.join(dir, KEY_FILE))) witnessCli(["init", "--data", dir, "--name", witness.keyName]);
    // Idempotent; a changed LOG_ORIGIN or key is trusted too (before `serve`, which reads it at start).
    witnessCli(["add-log", "--data", dir, "--origin", opts.origin, "--key", opts.verifierKey]);
    const vkey = readSigner(dir).verifierKey;
    const listen = `127.0.0.1:${opts.firstPort + i}`;
    lines.push(`witness ${witness.name} ${vkey} http://${listen}`);
    const child = spawn(process.execPath, [WITNESS_BIN, "serve", "--data", dir, "--listen", listen], { stdio: ["ignore", "inherit", "inherit"] });
    children.push(child);
  });
  lines.push(`group all-witnesses all ${DEMO_WITNESSES.map((w) => w.name).join(" ")}`, "quorum all-witnesses", "");
  const policyFile = path.join(opts.root, "policy.txt");
  writeFileSync(policyFile, lines.join("\n"));
  return {
    policyFile: path.resolve(policyFile),
    stop: () => children.forEach((child) => child.kill("SIGTERM")),
  };
}
