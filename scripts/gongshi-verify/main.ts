/**
 * gongshi-verify — the offline verifier (README, "Verify offline"). Built into one
 * self-contained file, bin/gongshi-verify.mjs, by `npm run build:verify-cli`, so it runs on
 * plain Node 20 with no TypeScript toolchain, no dependencies installed and no network.
 */
import { createHash } from "node:crypto";
import { openSync, readSync, closeSync, fstatSync } from "node:fs";
import { run } from "./run";

function readFile(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, "r");
  try {
    // Checked before reading, so a huge file is refused without being loaded.
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw new Error(`${path} is larger than ${maxBytes} bytes`);
    const buffer = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buffer, at, size - at, null);
      if (n === 0) break;
      at += n;
    }
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** Read in 1 MiB pieces: an attachment may be far larger than anything else the CLI reads. */
function digestFile(path: string): { sha256: string; size: number } {
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    const buffer = new Uint8Array(1024 * 1024);
    let size = 0;
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; size += n) hash.update(buffer.subarray(0, n));
    return { sha256: hash.digest("hex"), size };
  } finally {
    closeSync(fd);
  }
}

process.exitCode = run(process.argv.slice(2), { readFile, digestFile, out: (line) => console.log(line) });
