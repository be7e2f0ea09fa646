/** `add-log`: trusts one more log key for an origin. Adding a key already trusted changes nothing. */
import { parseVerifierKey } from "@/lib/core/log";
import { isValidOrigin, readSigner, readTrustedLogs, writeTrustedLogs } from "./data-dir";
import { UsageError } from "./usage";

export async function addLog(dir: string, origin: string, key: string, out: (line: string) => void): Promise<void> {
  if (!isValidOrigin(origin)) throw new UsageError(`--origin must be one line of text: ${JSON.stringify(origin)}`);
  try {
    parseVerifierKey(key);
  } catch (error) {
    throw new UsageError(`--key is not a log verifier key (Ed25519 note key, type 0x01): ${(error as Error).message}`);
  }
  readSigner(dir); // a data directory made by init, not a typo
  const logs = readTrustedLogs(dir);
  const existing = logs.find((log) => log.origin === origin);
  if (existing?.keys.includes(key)) {
    out(`gongshi-witness: ${origin} is already trusted with this key`);
    return;
  }
  const updated = existing ? logs.map((log) => (log === existing ? { origin, keys: [...log.keys, key] } : log)) : [...logs, { origin, keys: [key] }];
  await writeTrustedLogs(dir, updated);
  out(`gongshi-witness: now trusting ${origin} with key ${key}`);
  out("gongshi-witness: restart a running serve to pick it up");
}
