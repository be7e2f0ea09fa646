/**
 * Shared set-up for witnessing tests: real witnesses (bin/gongshi-witness.mjs as child
 * processes on ephemeral ports, via test/witness/harness.ts) trusting a test log, a policy
 * naming them, and tiny HTTP servers for the answers a conforming witness never gives.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { parseWitnessPolicy, type WitnessPolicy } from "@/lib/core/log";
import { setUpWitness, startWitness, stopWitness, type RunningWitness } from "../witness/harness";

export interface TestWitness {
  name: string;
  verifierKey: string;
  dir: string;
  running: RunningWitness | null;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const dirs: string[] = [];

export async function realWitness(name: string, keyName: string, log: { origin: string; verifierKey: string }): Promise<TestWitness> {
  const dir = mkdtempSync(path.join(tmpdir(), "gongshi-witness-test-"));
  dirs.push(dir);
  const verifierKey = setUpWitness(dir, keyName, [{ origin: log.origin, key: log.verifierKey }]);
  const w: TestWitness = {
    name,
    verifierKey,
    dir,
    running: null,
    url: "",
    async start() {
      w.running = await startWitness(dir);
      w.url = w.running.url;
    },
    async stop() {
      if (w.running) await stopWitness(w.running);
      w.running = null;
    },
  };
  await w.start();
  return w;
}

export function removeWitnessDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function policyFor(logVerifierKey: string, witnesses: readonly { name: string; verifierKey: string; url: string | null }[], quorum: string): WitnessPolicy {
  return parseWitnessPolicy(policyText(logVerifierKey, witnesses, quorum));
}

export function policyText(logVerifierKey: string, witnesses: readonly { name: string; verifierKey: string; url: string | null }[], quorum: string): string {
  const lines = [`log ${logVerifierKey}`, ...witnesses.map((w) => `witness ${w.name} ${w.verifierKey}${w.url ? ` ${w.url}` : ""}`)];
  if (quorum.startsWith("group ")) lines.push(quorum, `quorum ${quorum.split(" ")[1]}`);
  else lines.push(`quorum ${quorum}`);
  return lines.join("\n") + "\n";
}

export interface FakeWitness {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP server answering add-checkpoint with whatever `answer` returns for the request body. */
export async function fakeWitness(answer: (body: string, res: ServerResponse, req: IncomingMessage) => void): Promise<FakeWitness> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      requests.push(body);
      answer(body, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
