/**
 * The log's public endpoints, answered as their route handlers answer them: same checks in the
 * same order, same messages, same bodies and cache headers (app/log/checkpoint,
 * app/log/tile/[...path], app/api/v1/log/entries/[index], app/api/v1/log/proof/*). Errors go
 * through lib/server/api/respond.ts's errorResponse, so they are the API's own.
 *
 * `route` decides from the request line alone whether this module answers; anything it is not
 * sure of (another method, an unknown query parameter, percent-encoding, a path Next would
 * redirect) is left to Next.
 */
import { badRequest, notFound, ApiError } from "@/lib/server/api/errors";
import { optionalIndex, parseIndex } from "@/lib/server/api/params";
import { errorResponse, IMMUTABLE, SHORT } from "@/lib/server/api/respond";
import { concatBytes, formatHash, proveConsistency, proveInclusion, tileAt, toBase64, type Hash } from "@/lib/core/log";
import type { LogHead, LogHeadReader } from "./log-head";
import type { LogReads } from "./log-reads";
import { parseTileRequest } from "@/lib/server/log-service/get-tile";

export interface Answer {
  status: number;
  headers: [string, string][];
  body: Uint8Array | string;
}

const TEXT = "text/plain; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const OCTETS = "application/octet-stream";

function ok(body: Uint8Array | string, type: string, cache: string): Answer {
  return {
    status: 200,
    headers: [
      ["content-type", type],
      ["cache-control", cache],
    ],
    body,
  };
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));

export class LogAnswers {
  constructor(
    private readonly heads: LogHeadReader,
    private readonly reads: LogReads,
  ) {}

  /** The answer for a GET/HEAD of `url` (path and query as sent), or null to leave it to Next. */
  route(url: string): (() => Promise<Answer>) | null {
    if (url.length > 512) return null;
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? null : url.slice(q + 1);
    if (path === "/log/checkpoint") return query === null ? () => this.answer(() => this.checkpoint()) : null;
    if (path.startsWith("/log/tile/")) {
      const rest = path.slice("/log/tile/".length);
      return query === null && plainSegments(rest) ? () => this.answer(() => this.tile(rest)) : null;
    }
    if (path.startsWith("/api/v1/log/entries/")) {
      const rest = path.slice("/api/v1/log/entries/".length);
      return query === null && plainSegments(rest) && !rest.includes("/") ? () => this.answer(() => this.entry(rest)) : null;
    }
    if (path === "/api/v1/log/proof/inclusion") {
      const params = plainQuery(query, ["index", "size"]);
      return params ? () => this.answer(() => this.inclusion(params.get("index") ?? null, params.get("size") ?? null)) : null;
    }
    if (path === "/api/v1/log/proof/consistency") {
      const params = plainQuery(query, ["from", "to"]);
      return params ? () => this.answer(() => this.consistency(params.get("from") ?? null, params.get("to") ?? null)) : null;
    }
    return null;
  }

  private async answer(body: () => Promise<Answer>): Promise<Answer> {
    try {
      return await body();
    } catch (error) {
      const response = errorResponse(error);
      return { status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
    }
  }

  /** A fresh head, or the API's 503 while the log has none (lib/server/log-service/latest-checkpoint.ts). */
  private async freshHead(): Promise<LogHead> {
    const head = await this.heads.fresh();
    if (!head) throw new ApiError("unavailable", "the log has not published a checkpoint yet");
    return head;
  }

  /** The known head if `covers` holds for it, else a fresh one (which the caller checks again). */
  private async headCovering(covers: (head: LogHead) => boolean): Promise<LogHead> {
    const known = this.heads.known();
    if (known && covers(known)) return known;
    return this.freshHead();
  }

  private async checkpoint(): Promise<Answer> {
    return ok((await this.freshHead()).note, TEXT, SHORT);
  }

  private async tile(path: string): Promise<Answer> {
    const { tile, entries } = parseTileRequest(path);
    const inTree = (head: LogHead) => {
      const current = tileAt(tile.level, tile.n, head.size);
      return current !== null && current.width >= tile.width;
    };
    if (!inTree(await this.headCovering(inTree))) throw notFound(`tile ${path} is not in the published tree`);
    if (!entries) return ok(await this.reads.tile(tile), OCTETS, IMMUTABLE);
    const key = `bundle/${tile.n}/${tile.width}`;
    let bundle = this.reads.answers.get(key);
    if (!bundle) {
      const leaves = await this.reads.bundleLeaves(tile.n, tile.width);
      bundle = concatBytes(...leaves.flatMap((leaf) => [Uint8Array.of(leaf.length >> 8, leaf.length & 255), leaf]));
      this.reads.answers.set(key, bundle);
    }
    return ok(bundle, OCTETS, IMMUTABLE);
  }

  private async entry(raw: string): Promise<Answer> {
    const index = parseIndex("index", raw);
    const cp = await this.headCovering((head) => index < head.size);
    if (index >= cp.size) throw notFound(`the log has ${cp.size} entries; there is no entry ${index}`);
    const key = `entry/${index}`;
    let body = this.reads.answers.get(key);
    if (!body) {
      const row = await this.reads.entry(index);
      body = json({ index, leaf: toBase64(row.leaf), leafHash: formatHash(row.leafHash as Hash) });
      this.reads.answers.set(key, body);
    }
    return ok(body, JSON_TYPE, IMMUTABLE);
  }

  private async inclusion(rawIndex: string | null, rawSize: string | null): Promise<Answer> {
    const index = parseIndex("index", rawIndex);
    const size = optionalIndex("size", rawSize);
    // Without a size the proof follows the head, so it needs the head as of now.
    const cp = size === undefined ? await this.freshHead() : await this.headCovering((head) => size <= head.size);
    const treeSize = size ?? cp.size;
    if (treeSize > cp.size) throw badRequest(`size ${treeSize} is larger than the log (${cp.size})`);
    if (index >= treeSize) throw badRequest(`index ${index} is not below size ${treeSize}`);
    const key = `inclusion/${index}/${treeSize}`;
    let body = this.reads.answers.get(key);
    if (!body) {
      const proof = await proveInclusion(index, treeSize, this.reads.hashReader(treeSize));
      body = json({ index, size: treeSize, hashes: proof.map(formatHash) });
      this.reads.answers.set(key, body);
    }
    return ok(body, JSON_TYPE, size === undefined ? SHORT : IMMUTABLE);
  }

  private async consistency(rawFrom: string | null, rawTo: string | null): Promise<Answer> {
    const from = parseIndex("from", rawFrom);
    const to = parseIndex("to", rawTo);
    const cp = await this.headCovering((head) => to <= head.size);
    if (to > cp.size) throw badRequest(`to ${to} is larger than the log (${cp.size})`);
    if (from > to) throw badRequest(`from ${from} is greater than to ${to}`);
    const key = `consistency/${from}/${to}`;
    let body = this.reads.answers.get(key);
    if (!body) {
      const proof = await proveConsistency(from, to, this.reads.hashReader(to));
      body = json({ from, to, hashes: proof.map(formatHash) });
      this.reads.answers.set(key, body);
    }
    return ok(body, JSON_TYPE, IMMUTABLE);
  }
}

/** Non-empty path segments of plain characters: nothing Next would decode, normalize or redirect. */
function plainSegments(path: string): boolean {
  if (path.length === 0) return false;
  for (const segment of path.split("/")) {
    if (!/^[A-Za-z0-9._-]+$/.test(segment) || segment === "." || segment === "..") return false;
  }
  return true;
}

/** The query's parameters if it has only `allowed` ones, each at most once, in plain characters; else null. */
function plainQuery(query: string | null, allowed: string[]): Map<string, string> | null {
  const params = new Map<string, string>();
  if (query === null || query === "") return params;
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    if (!allowed.includes(name) || params.has(name) || !/^[A-Za-z0-9._~-]*$/.test(value)) return null;
    params.set(name, value);
  }
  return params;
}
