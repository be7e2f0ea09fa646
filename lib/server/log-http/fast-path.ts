/**
 * The log's public endpoints served by server.mjs before Next (docs/decisions.md): checkpoint,
 * tiles and entry bundles, entries, inclusion and consistency proofs. Witnesses, mirrors,
 * monitors and every verifying browser call these; through Next's per-request machinery they
 * ran at a few hundred a second, here from memory kept in step with commits
 * (docs/performance.md).
 *
 * Bundled by `npm run build` (esbuild, script build:log-http) into .next/log-http.mjs, which
 * server.mjs imports: server.mjs is plain JavaScript and cannot import TypeScript.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { envOf } from "@/lib/server/env-schema";
import { SECURITY_HEADERS } from "@/lib/server/http/security-headers.mjs";
import { LogAnswers, type Answer } from "./log-answers";
import { LogHeadReader } from "./log-head";
import { LogReads } from "./log-reads";
import { publicReads } from "./public-read-pool";

/** Request headers with which Next answers differently (its client router's, its internal ones): left to Next. */
const NEXT_HEADERS = [
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "x-middleware-subrequest",
  "x-nextjs-data",
];

/** For server.mjs, which cannot import TypeScript: the environment as lib/server/env-schema.ts parses it. */
export { envOf } from "@/lib/server/env-schema";

export type LogFastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The handler, or null where Next must answer everything: on a mirror (MIRROR_OF), whose log
 * tables follow its origin by a loop of their own (docs/mirrors.md), and with
 * LOG_HTTP_FAST_PATH=off (to compare the two, or to rule this path out when troubleshooting).
 */
export function createLogFastPath(): LogFastPath | null {
  const { MIRROR_OF, LOG_HTTP_FAST_PATH } = envOf(["MIRROR_OF", "LOG_HTTP_FAST_PATH"]);
  if (MIRROR_OF || LOG_HTTP_FAST_PATH === "off") return null;
  const reads = new LogReads(publicReads());
  const answers = new LogAnswers(new LogHeadReader(() => reads.head()), reads);
  return (req, res) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return false;
    const answer = answers.route(req.url);
    if (!answer) return false;
    for (const name of NEXT_HEADERS) if (req.headers[name] !== undefined) return false;
    answer().then(
      (a) => send(req, res, a),
      (error: unknown) => {
        // LogAnswers turns every error into an answer; this is for a fault in that itself.
        console.error(`gongshi: ${req.method} ${req.url}: ${(error as Error)?.message ?? error}`);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      },
    );
    return true;
  };
}

/** What Next's app routes vary on (the compression middleware then adds Accept-Encoding, as for Next's). */
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

function send(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  res.statusCode = answer.status;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader("Vary", NEXT_VARY);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  // Written, then ended, as Next streams a route's body: the compression middleware then
  // compresses it for a client that asks, whatever its size, exactly as it does Next's.
  res.write(answer.body);
  res.end();
}
