/**
 * SHA-256 of a file the visitor chose, computed here from its bytes; the file never leaves
 * the browser. Read in slices so a large PDF does not need to sit in memory twice, and with
 * @noble/hashes rather than crypto.subtle, which plain-http deployments do not get.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const SLICE = 4 * 1024 * 1024;

export async function sha256OfFile(file: Blob): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += SLICE) {
    hash.update(new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer()));
  }
  return bytesToHex(hash.digest());
}
