/**
 * The witness's HTTP interface (C2SP tlog-witness): POST /add-checkpoint and
 * GET /<hex sha256(origin)>/checkpoint. Bodies are capped and refused by their declared
 * length before being read; slow clients are cut off by time-outs. Whatever a client sends
 * gets a 4xx; only a failure of the witness's own disk is a 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { MAX_ADD_CHECKPOINT_BYTES, type CosignatureSigner } from "@/lib/core/log";
import { addCheckpoint, type Answer } from "./add-checkpoint";
import type { WitnessStore } from "./store";

const CHECKPOINT_PATH = /^\/([0-9a-f]{64})\/checkpoint$/;
const TEXT = "text/plain; charset=utf-8";

export interface ServerLog {
  info(line: string): void;
  alert(line: string): void;
}

export function createWitnessServer(store: WitnessStore, signer: CosignatureSigner, log: ServerLog): Server {
  const server = createServer({ maxHeaderSize: 8192, headersTimeout: 10_000, requestTimeout: 30_000 }, (req, res) => {
    void handle(req, store, signer, log).then(
      (answer) => send(req, res, answer, log),
      (error: unknown) => {
        log.alert(`500 ${req.method} ${safePath(req)}: ${(error as Error).message}`);
        send(req, res, { status: 500, body: "internal error\n", summary: "" }, log);
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handle(req: IncomingMessage, store: WitnessStore, signer: CosignatureSigner, log: ServerLog): Promise<Answer> {
  const path = (req.url ?? "").split("?")[0]!;
  if (path === "/add-checkpoint") {
    if (req.method !== "POST") return { status: 405, body: "use POST\n", contentType: TEXT, summary: "405" };
    const body = await readBody(req);
    if (body === "too-large") return { status: 413, body: `request body over ${MAX_ADD_CHECKPOINT_BYTES} bytes\n`, summary: "413 body too large" };
    if (body === null) return { status: 400, body: "request body is not UTF-8\n", summary: "400 body is not UTF-8" };
    return addCheckpoint(body, store, signer, log.alert);
  }
  const match = CHECKPOINT_PATH.exec(path);
  if (match !== null) {
    if (req.method !== "GET" && req.method !== "HEAD") return { status: 405, body: "use GET\n", summary: "405" };
    const latest = store.latestByHex(match[1]!);
    if (latest === undefined) return { status: 404, body: "unknown log\n", summary: "404 unknown log" };
    if (latest === null) return { status: 404, body: "no checkpoint cosigned yet\n", summary: "404 nothing cosigned yet" };
    return { status: 200, body: latest.note, summary: `200 size ${latest.size}` };
  }
  return { status: 404, body: "not found\n", summary: "404" };
}

/** The body as UTF-8 text; "too-large" past the cap (reading stops there); null if not UTF-8. */
function readBody(req: IncomingMessage): Promise<string | null | "too-large"> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_ADD_CHECKPOINT_BYTES) return Promise.resolve("too-large");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_ADD_CHECKPOINT_BYTES) {
        req.pause();
        resolve("too-large");
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks)));
      } catch {
        resolve(null);
      }
    });
    // A client that goes away mid-body gets no answer; nothing to do but stop.
    req.on("error", () => resolve(null));
    req.on("close", () => resolve(null));
  });
}

function send(req: IncomingMessage, res: ServerResponse, answer: Answer, log: ServerLog): void {
  log.info(`${req.method} ${safePath(req)} ${answer.summary || answer.status}`);
  if (res.headersSent || res.destroyed) return;
  const unread = !req.complete;
  res.writeHead(answer.status, {
    "Content-Type": answer.contentType ?? TEXT,
    "Content-Length": Buffer.byteLength(answer.body),
    "Cache-Control": "no-store",
    ...(answer.status === 405 ? { Allow: req.url?.startsWith("/add-checkpoint") ? "POST" : "GET, HEAD" } : {}),
    // A body left unread is not drained: the connection is closed after the answer instead.
    ...(unread ? { Connection: "close" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : answer.body);
  if (unread) res.on("finish", () => req.socket.destroySoon());
}

function safePath(req: IncomingMessage): string {
  return JSON.stringify((req.url ?? "").slice(0, 200));
}
