/**
 * `init`: creates the data directory and the witness key. The key is the witness's identity;
 * replacing it silently would orphan every cosignature made with it, so an existing key is
 * never overwritten.
 */
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { generateCosignatureKey, isValidKeyName } from "@/lib/core/log";
import { createFileDurably, syncDirectory } from "./files";
import { KEY_FILE } from "./data-dir";
import { UsageError } from "./usage";

export async function init(dir: string, name: string, out: (line: string) => void): Promise<void> {
  if (!isValidKeyName(name)) throw new UsageError(`--name must be a key name without spaces or "+": ${JSON.stringify(name)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await syncDirectory(path.dirname(path.resolve(dir)));
  const { signerKey, verifierKey } = generateCosignatureKey(name);
  const file = path.join(dir, KEY_FILE);
  if (!(await createFileDurably(file, signerKey + "\n", 0o600))) {
    throw new Error(`${file} already exists; refusing to replace the witness key`);
  }
  chmodSync(file, 0o600); // whatever the umask
  out(`gongshi-witness: created the witness key in ${file} (secret: back it up, never share it)`);
  out("gongshi-witness: the witness verifier key (give it to the logs you witness):");
  out(verifierKey);
}
