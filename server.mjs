#!/usr/bin/env node
/**
 * The production server (`npm start`): Next's request handler behind compression of our own.
 *
 * Why not `next start`: Next gzips every response per visitor, including the public page
 * cache's answers (proxy.ts), and strips any Content-Encoding a proxy answer carries, so a page
 * kept gzipped would reach browsers gzipped twice. Compressing a 48 KB page for every visitor
 * halved the rate of cache hits (docs/performance.md). Here Next's own compression is off, the
 * same `compression` middleware Next uses compresses everything else, and a cache answer that
 * is already gzipped is sent as it is (lib/server/page-cache/precompressed.mjs, docs/decisions.md).
 *
 * Options as `next start`: -p/--port (or PORT, default 3000), -H/--hostname (or HOSTNAME,
 * default 0.0.0.0); any other is refused (exit code 2).
 */
import http from "node:http";
import { Duplex } from "node:stream";
import compression from "compression";
import next from "next";
import onHeaders from "on-headers";
import { guardRequest, sessionChecker, uploadBodyLimit } from "./lib/server/http/request-guard.mjs";
import { HSTS, servedOverHttps } from "./lib/server/http/strict-transport.mjs";
import { contentSecurityPolicy, newNonce } from "./lib/server/http/content-security-policy.mjs";
import { clientAddressPreparer } from "./lib/server/http/client-address.mjs";
import { declareServerCompresses, sendPrecompressedAsIs } from "./lib/server/page-cache/precompressed.mjs";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

let options;
try {
  options = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } }, strict: true }).values;
} catch (error) {
  console.error(`gongshi: ${error.message}\nusage: node server.mjs [-p|--port PORT] [-H|--hostname HOST]`);
  process.exit(2);
}

// Told to Next, the bundle and lib/server/env-schema.ts, before any of them is loaded.
process.env.NODE_ENV = "production";
declareServerCompresses();

// The log's public endpoints, answered before Next (lib/server/log-http/fast-path.ts), bundled by
// `npm run build`. The bundle also carries the environment's schema (lib/server/env-schema.ts), which
// this file, plain JavaScript, cannot import as TypeScript.
const fastPathBundle = `${import.meta.dirname}/.next/log-http.mjs`;
if (!existsSync(fastPathBundle)) {
  console.error(`gongshi: ${fastPathBundle} is missing: run \`npm run build\` (it builds Next and then this bundle)`);
  process.exit(1);
}
const { createLogFastPath, envOf } = await import(pathToFileURL(fastPathBundle).href);

/** The named variables, parsed; a bad value stops the server, naming the variable. */
function parsedEnv(names) {
  try {
    return envOf(names);
  } catch (error) {
    console.error(`gongshi: ${error.message}`);
    process.exit(1);
  }
}

const startEnv = parsedEnv(["PORT", "HOSTNAME", "TRUSTED_PROXIES"]);
const port = Number(options.port ?? startEnv.PORT);
const hostname = options.hostname ?? startEnv.HOSTNAME;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`gongshi: not a port: ${options.port}`);
  process.exit(1);
}

// Where the page cache renders a miss: this server, on the loopback address if it listens on all.
const selfHost = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
const selfOrigin = `http://${selfHost}:${port}`;
process.env.GONGSHI_SELF_ORIGIN = selfOrigin;

// Who the client is, from the socket and TRUSTED_PROXIES only (lib/server/http/client-address.mjs).
let prepareClientAddress;
try {
  prepareClientAddress = clientAddressPreparer(startEnv.TRUSTED_PROXIES);
} catch (error) {
  console.error(`gongshi: ${error.message}`);
  process.exit(1);
}

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();
// After prepare(): Next has loaded the .env files by then, and the fast path reads DATABASE_URL.
const { PUBLIC_URL, ATTACHMENT_MAX_BYTES } = parsedEnv(["PUBLIC_URL", "ATTACHMENT_MAX_BYTES"]);
let serveLog;
try {
  serveLog = createLogFastPath();
} catch (error) {
  console.error(`gongshi: ${error.message}`);
  process.exit(1);
}
if (serveLog) console.info("gongshi: log endpoints answered before Next (lib/server/log-http)");

const compress = compression();
// Malformed paths, foreign-origin server actions and large anonymous bodies are answered
// before Next reads anything (lib/server/http/request-guard.mjs).
const guard = { uploadLimit: uploadBodyLimit(ATTACHMENT_MAX_BYTES), hasStaffSession: sessionChecker(selfOrigin) };

/** On a client that disconnects mid-response, the middleware never ends its zlib stream: end it (as Next does). */
function releaseCompressionStream(res) {
  const noop = () => {};
  const stream = res.on("drain", noop);
  if (stream === res || !(stream instanceof Duplex)) {
    res.off("drain", noop);
    return;
  }
  stream.destroy();
}

/** `expectsContinue`: the client waits for 100 Continue before its body, sent only once the guard let it through. */
async function serve(req, res, expectsContinue) {
  prepareClientAddress(req);
  try {
    if (await guardRequest(req, res, guard)) return;
  } catch (error) {
    console.error(`gongshi: request guard: ${error?.message ?? error}`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
    return;
  }
  if (expectsContinue) res.writeContinue();
  if (servedOverHttps(req, PUBLIC_URL)) res.setHeader("Strict-Transport-Security", HSTS);
  // A fresh script nonce: Next reads it from the request's header (a client's own is replaced);
  // the answer gets the same policy unless it has one already (a cached page's, with its nonce).
  const csp = contentSecurityPolicy(newNonce());
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  onHeaders(res, function () {
    if (!this.hasHeader("Content-Security-Policy")) this.setHeader("Content-Security-Policy", csp);
  });
  compress(req, res, () => {
    // Here, after the middleware wrapped `res`, so that its hook runs before the middleware's.
    sendPrecompressedAsIs(res);
    res.once("close", () => {
      if (!res.writableFinished) releaseCompressionStream(res);
    });
    // After the guard, HSTS, CSP and compression, so its answers get the same treatment as Next's.
    if (serveLog?.(req, res)) return;
    handle(req, res).catch((error) => {
      console.error(`gongshi: ${req.method} ${req.url}: ${error?.message ?? error}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}

const server = http.createServer((req, res) => void serve(req, res, false));
server.on("checkContinue", (req, res) => void serve(req, res, true));
// Node closes an idle keep-alive connection after 5 s; a client that sends its next request on
// it just then gets ECONNRESET (seen in the e2e run: an API poll after a few idle seconds).
// Keeping idle connections longer than clients and load balancers do (commonly 60 s) leaves
// the closing to them, which is race-free. Header time-out above it, as Node requires.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.info(`gongshi: listening on http://${hostname}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold the close open; idle ones go now, busy ones after their response.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
