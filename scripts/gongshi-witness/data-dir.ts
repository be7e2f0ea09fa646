/**
 * The witness's data directory, all of its state:
 *
 *   witness.key            the witness signer key (mode 0600); the only secret
 *   logs.json              the logs it trusts: origin and note verifier keys (add-log)
 *   logs/<hex sha256(origin)>/checkpoint   latest cosigned checkpoint, with the log's
 *                                          signatures and the witness's own cosignature
 *   logs/<hex sha256(origin)>/history      every checkpoint it cosigned, one JSON line each
 *   evidence/               requests that show a log misbehaving (forks, failed proofs)
 *   serve.lock              pid of the serving process
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isWellFormed, parseCosignatureSignerKey, parseVerifierKey, sha256Hash, toHex, utf8, type CosignatureSigner } from "@/lib/core/log";
import { replaceFileDurably } from "./files";

export const KEY_FILE = "witness.key";
export const LOGS_FILE = "logs.json";

export interface TrustedLog {
  readonly origin: string;
  readonly keys: readonly string[];
}

export class DataDirError extends Error {}

/** The directory name of a log's state, and the path segment of its GET checkpoint URL. */
export function originHex(origin: string): string {
  return toHex(sha256Hash(utf8(origin)));
}

export function readSigner(dir: string): CosignatureSigner {
  let text: string;
  try {
    text = readFileSync(path.join(dir, KEY_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new DataDirError(`${dir} has no witness key: run gongshi-witness init first`);
    throw error;
  }
  try {
    return parseCosignatureSignerKey(text.trim());
  } catch (error) {
    throw new DataDirError(`${path.join(dir, KEY_FILE)} is not a witness signer key: ${(error as Error).message}`);
  }
}

export function readTrustedLogs(dir: string): TrustedLog[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, LOGS_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const file = path.join(dir, LOGS_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataDirError(`${file} is not JSON`);
  }
  const logs = (parsed as { logs?: unknown }).logs;
  if (!Array.isArray(logs)) throw new DataDirError(`${file} has no "logs" list`);
  return logs.map((entry: unknown, i) => {
    const { origin, keys } = (entry ?? {}) as { origin?: unknown; keys?: unknown };
    if (typeof origin !== "string" || !isValidOrigin(origin) || !Array.isArray(keys) || !keys.every((k) => typeof k === "string")) {
      throw new DataDirError(`${file}: entry ${i + 1} is not {"origin": "...", "keys": ["..."]}`);
    }
    for (const key of keys as string[]) {
      try {
        parseVerifierKey(key);
      } catch (error) {
        throw new DataDirError(`${file}: entry ${i + 1} has a bad key: ${(error as Error).message}`);
      }
    }
    return { origin, keys: keys as string[] };
  });
}

export async function writeTrustedLogs(dir: string, logs: readonly TrustedLog[]): Promise<void> {
  await replaceFileDurably(path.join(dir, LOGS_FILE), JSON.stringify({ logs }, null, 2) + "\n");
}

/** A checkpoint's first line: non-empty, one line, no control characters. */
export function isValidOrigin(origin: string): boolean {
  return origin !== "" && origin.length <= 1024 && !/[\u0000-\u001f\u007f]/.test(origin) && isWellFormed(origin);
}
