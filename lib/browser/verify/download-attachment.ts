/**
 * Downloading one attachment of the version being verified and hashing it as it arrives: the
 * bytes are hashed chunk by chunk (never held whole), and progress is reported so a large file
 * shows how far it has come. Nothing the server says about the file (its headers, its
 * x-content-sha256) is trusted: only the bytes, compared with the log entry by
 * attachment-check.ts.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { FetchFailure, fetchFresh } from "./fetch-version-proof";

export interface DownloadedDigest {
  sha256: string;
  /** Bytes received; at most one more than `committedSize` (reading stops there: the file is already wrong). */
  size: number;
}

export type OnBytes = (received: number) => void;

export async function digestOfDownload(url: string, committedSize: number, onBytes: OnBytes, signal?: AbortSignal): Promise<DownloadedDigest> {
  const response = await fetchFresh(url, signal);
  if (!response.ok || !response.body) throw new FetchFailure("bad-response", `${url}: HTTP ${response.status}`);
  const hash = sha256.create();
  const reader = response.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A server that sends more than the log committed to cannot make the browser read forever.
      const room = committedSize + 1 - received;
      const chunk = value.length > room ? value.subarray(0, room) : value;
      hash.update(chunk);
      received += chunk.length;
      onBytes(received);
      if (received > committedSize) {
        await reader.cancel();
        break;
      }
    }
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new FetchFailure("network", `${url}: ${(e as Error).message}`);
  }
  return { sha256: bytesToHex(hash.digest()), size: received };
}
