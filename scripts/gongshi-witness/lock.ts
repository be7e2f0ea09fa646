/**
 * One serving process per data directory: two would each keep their own "latest" in memory
 * and could cosign two different checkpoints for one size. The lock file holds the pid and
 * the process start time; a lock left by a process that died (SIGKILL, power cut) is taken
 * over, including when its pid now belongs to another process (containers reuse small pids).
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export const LOCK_FILE = "serve.lock";

export class LockedError extends Error {}

/** Takes the lock or throws LockedError; returns a function that releases it. */
export function acquireLock(dir: string): () => void {
  const lock = path.join(dir, LOCK_FILE);
  const mine = `${process.pid} ${startTime(process.pid) ?? ""}\n`;
  const temp = path.join(dir, `${LOCK_FILE}.${process.pid}`);
  writeFileSync(temp, mine);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, lock); // atomic: fails if the lock exists
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw lockedError(lock, error);
      }
      const holder = readHolder(lock);
      if (holder !== null && isAlive(holder.pid, holder.start)) {
        throw new LockedError(`another gongshi-witness (pid ${holder.pid}) is serving ${dir}`);
      }
      unlinkSync(lock); // stale: its process is gone
    }
  } finally {
    unlinkSync(temp);
  }
  return () => {
    try {
      if (readFileSync(lock, "utf8") === mine) unlinkSync(lock);
    } catch {
      // Already gone; nothing to release.
    }
  };
}

function lockedError(lock: string, error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === "EEXIST") return new LockedError(`${lock} is held by another process starting at the same time`);
  return error as Error;
}

function readHolder(lock: string): { pid: number; start: string } | null {
  try {
    const [pid, start] = readFileSync(lock, "utf8").trim().split(" ");
    const n = Number(pid);
    return Number.isSafeInteger(n) && n > 0 ? { pid: n, start: start ?? "" } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number, start: string): boolean {
  if (pid === process.pid) return false; // our pid, so not a live other process
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const fields = procStat(pid);
  if (fields === null) return true; // no /proc here: a live pid is taken to be the holder
  if (fields[0] === "Z") return false; // killed, not yet reaped by its parent
  return start === "" || fields[19] === start;
}

/** The process start time in clock ticks since boot (Linux /proc); null elsewhere. */
function startTime(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

/** /proc/<pid>/stat from field 3 (state) on; field 22, index 19, is the start time. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may itself contain spaces and parentheses.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}
