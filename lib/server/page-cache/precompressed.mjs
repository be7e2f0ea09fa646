/**
 * Pages kept gzipped and sent as they are (README.md in this folder, "Gzipped once"). Next gzips
 * every response of `next start` per visitor and drops the Content-Encoding of an answer from the
 * proxy, so a kept gzipped page would reach browsers gzipped twice. Under server.mjs Next's
 * compression is off, the `compression` middleware compresses everything else, and a cache answer
 * that is gzipped already says so in PRECOMPRESSED_HEADER, which becomes its Content-Encoding
 * just before the headers are sent.
 *
 * Plain JavaScript (with precompressed.d.mts): server.mjs loads it without a build.
 */
import onHeaders from "on-headers";

/** Set by proxy.ts (through proxy-answer.ts) on a page it answers gzipped. */
export const PRECOMPRESSED_HEADER = "x-gongshi-content-encoding";

/**
 * server.mjs, before Next loads its configuration: this server compresses responses itself, so
 * next.config.ts turns Next's compression off and the page cache keeps pages gzipped (both read
 * GONGSHI_SERVER_COMPRESSES through lib/server/env-schema.ts).
 */
export function declareServerCompresses() {
  process.env.GONGSHI_SERVER_COMPRESSES = "1";
}

/**
 * Turns PRECOMPRESSED_HEADER into Content-Encoding just before `res` sends its headers. Must be
 * called after the compression middleware has wrapped `res` (in its `next` callback): on-headers
 * runs the hook registered last first, so the middleware then sees the Content-Encoding and
 * passes the gzipped page through untouched.
 */
export function sendPrecompressedAsIs(res) {
  onHeaders(res, function () {
    const encoding = this.getHeader(PRECOMPRESSED_HEADER);
    if (encoding === undefined) return;
    this.removeHeader(PRECOMPRESSED_HEADER);
    this.setHeader("Content-Encoding", String(encoding));
  });
}
