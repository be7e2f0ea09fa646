/**
 * Runs the committed, built witness (bin/gongshi-witness.mjs) as a real child process on
 * 127.0.0.1 with an ephemeral port, and talks HTTP to it, as a log would.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

export const BIN = path.resolve("bin/gongshi-witness.mjs");

export function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** init + add-log for each log; returns the witness's 0x04 verifier key. */
export function setUpWitness(dir: string, name: string, logs: readonly { origin: string; key: string }[]): string {
  const init = cli("init", "--data", dir, "--name", name);
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  for (const log of logs) {
    const added = cli("add-log", "--data", dir, "--origin", log.origin, "--key", log.key);
    if (added.code !== 0) throw new Error(`add-log failed: ${added.stderr}`);
  }
  return init.stdout.trimEnd().split("\n").at(-1)!;
}

export interface RunningWitness {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves when the process has exited (and been reaped). */
  readonly exited: Promise<number | null>;
}

export function startWitness(dir: string): Promise<RunningWitness> {
  const child = spawn(process.execPath, [BIN, "serve", "--data", dir, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+) as /.exec(out);
      if (match) resolve({ url: match[1]!, child, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`witness exited (${code}) before listening: ${err}`)));
  });
}

export async function stopWitness(witness: RunningWitness): Promise<void> {
  if (witness.child.exitCode === null && witness.child.signalCode === null) witness.child.kill("SIGTERM");
  await witness.exited;
}

export interface Reply {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

export async function post(url: string, body: string): Promise<Reply> {
  const response = await fetch(`${url}/add-checkpoint`, { method: "POST", body });
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
}

export async function get(url: string, path: string): Promise<Reply> {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
}
