/** Runs a child command in its own process group (used by scripts/up.ts). */
import { spawn, type ChildProcess } from "node:child_process";

/**
 * Runs the command in its own process group, relays SIGINT/SIGTERM to the whole group, and
 * resolves with its exit status. The group matters: `npm run`/`npx` put `sh -c` and Next's
 * own server process between us and the real work, and a signal sent to the first process
 * alone (by a supervisor, `kill`, CI) was seen to leave `next-server` running. Terminal
 * Ctrl-C reaches only our group now, so we relay it; a second signal, or 10 s without exit,
 * ends the group with SIGKILL so the database is never left half-stopped under a live app.
 */
export function runChild(command: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = command;
  if (file === undefined) return Promise.resolve(0);
  const child: ChildProcess = spawn(file, args, { stdio: "inherit", env, detached: true });
  let signalled = 0;
  let killTimer: NodeJS.Timeout | undefined;
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // group already gone
    }
  };
  const relay = (signal: NodeJS.Signals) => {
    signalled++;
    killGroup(signalled > 1 ? "SIGKILL" : signal);
    killTimer ??= setTimeout(() => killGroup("SIGKILL"), 10_000);
  };
  const onInt = () => relay("SIGINT");
  const onTerm = () => relay("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      clearTimeout(killTimer);
      // The group leader is gone; make sure nothing it started outlives it with our DB URL.
      killGroup("SIGTERM");
      resolve(code ?? (signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1));
    });
  });
}
