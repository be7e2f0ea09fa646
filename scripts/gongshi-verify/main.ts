/**
 * gongshi-verify — the offline verifier (README, "Verify offline"). Built into one
 * self-contained file, bin/gongshi-verify.mjs, by `npm run build:verify-cli`, so it runs on
 * plain Node 20 with no TypeScript toolchain, no dependencies installed and no network.
 */
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

process.exitCode = run(process.argv.slice(2), { readFile, out: (line) => console.log(line) });
