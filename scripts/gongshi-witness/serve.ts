/**
 * `serve`: takes the data directory's lock, reopens the state (repairing what a crash left),
 * and answers HTTP until SIGTERM or SIGINT. Each request outcome is one line on stderr.
 */
import type { AddressInfo } from "node:net";
import { readSigner } from "./data-dir";
import { acquireLock } from "./lock";
import { createWitnessServer } from "./server";
import { WitnessStore } from "./store";
import { UsageError } from "./usage";

export function parseListen(listen: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):([0-9]{1,5})$/.exec(listen);
  const port = Number(match?.[2]);
  if (match === null || port > 65535) throw new UsageError(`--listen must be HOST:PORT, e.g. 127.0.0.1:7380: ${JSON.stringify(listen)}`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, "$1"), port };
}

export async function serve(dir: string, listen: string, out: (line: string) => void, err: (line: string) => void): Promise<void> {
  const { host, port } = parseListen(listen);
  const signer = readSigner(dir);
  const release = acquireLock(dir);
  let store: WitnessStore;
  try {
    store = WitnessStore.open(dir);
  } catch (error) {
    release();
    throw error;
  }
  if (store.logCount === 0) err("gongshi-witness: warning: no logs trusted yet (add-log), every request will be 404");
  const stamp = () => new Date().toISOString();
  const server = createWitnessServer(store, signer, {
    info: (line) => err(`${stamp()} ${line}`),
    alert: (line) => err(`${stamp()} ALERT ${line}`),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => {
      release();
      reject(error);
    });
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  out(`gongshi-witness: listening on http://${shown}:${address.port} as ${signer.verifierKey}`);
  const stop = () => {
    server.close(() => {
      release();
      process.exit(0);
    });
    server.closeIdleConnections();
    // Requests still running past this are cut; the state on disk is consistent at any point.
    setTimeout(() => {
      release();
      process.exit(0);
    }, 3000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
