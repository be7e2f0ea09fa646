/**
 * What server.mjs refuses before a request reaches Next. Plain JavaScript (server.mjs runs
 * without a build step), typed by request-guard.d.mts. Three checks, each because Next would
 * otherwise answer 500 or do expensive work for an anonymous client:
 *
 * 1. A path that is not percent-encoded UTF-8 (/api/v1/log/entries/%ED%A0%80), or that encodes
 *    a "%" (%25): Next cannot decode the first and, with no pages/_error in an App Router app,
 *    answers a bare 500 instead of its 400; the locale proxy (next-intl) decodes the second into
 *    a path Next then cannot decode. The API answers 400 in its JSON error form; a page path is
 *    rewritten to one no page claims, so Next renders the 404 page of its locale.
 * 2. A server action whose Origin is not this host (Next throws on a foreign Origin, answering
 *    500): 403. The same comparison as Next's own (action-handler.js): the Origin's host
 *    against X-Forwarded-Host, else Host.
 * 3. Request bodies: at most SMALL_BODY_LIMIT bytes, declared in Content-Length (a body of
 *    unknown length, chunked, counts as too large), answered 413 before any of it is read.
 *    Two exceptions read the body themselves under their own limits after authenticating: the
 *    agency API's publish (bearer token first) and a mirror's add-checkpoint. And the draft
 *    editor's upload (a server action on /<locale>/admin/drafts/<id>) may send up to the
 *    editor's limit (next.config.ts) when its session cookie is a live session — asked of the
 *    app itself (better-auth's /api/auth/get-session on this server), before the body is read.
 *    docs/decisions.md, "Request bodies before Next", says why.
 */
import { errorBody } from "../api/error-body.mjs";

/**
 * The largest request the editor's server actions accept: two attachments at the limit
 * (ATTACHMENT_MAX_BYTES as lib/server/env-schema.ts parses it) plus the form. next.config.ts gives it
 * to Next as the server actions' body limit.
 */
export function uploadBodyLimit(attachmentMaxBytes) {
  return 2 * attachmentMaxBytes + 1024 * 1024;
}

/** The largest body an anonymous client can make this server read (1 MiB). */
export const SMALL_BODY_LIMIT = 1024 * 1024;

const UPLOAD_PATH = /^\/[^/]+\/admin\/drafts\/[^/]+\/?$/;
/** Route handlers that read their bodies with their own limits, after authenticating the client. */
const OWN_BODY_LIMIT = [/^\/api\/v1\/notices\/?$/, /^\/add-checkpoint\/?$/];
/** Route handlers: never server actions; their errors are JSON (API) or plain text (C2SP). */
const ROUTE_HANDLER = /^\/(?:api|log|add-checkpoint)(?:\/|$)/;

/** Whether every segment of the path decodes as UTF-8 and none encodes a "%". */
export function pathDecodes(pathname) {
  try {
    for (const segment of pathname.split("/")) if (decodeURIComponent(segment).includes("%")) return false;
    return true;
  } catch {
    return false;
  }
}

function pathOf(url) {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/** A page path that no page claims, in the locale the first segment names if it looks like one. */
export function notFoundPathFor(pathname) {
  const first = pathname.split("/")[1] ?? "";
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(first) ? `/${first}/_not-a-path` : "/_not-a-path";
}

function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A possible server action, as Next decides it: a POST with Next-Action, or a form POST. */
function isPossibleServerAction(req, pathname) {
  if (req.method !== "POST" || ROUTE_HANDLER.test(pathname)) return false;
  if (header(req, "next-action") !== undefined) return true;
  const type = (header(req, "content-type") ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/** Whether the Origin (if any) is this host, as Next's server actions require. */
export function sameOriginAction(req) {
  const origin = header(req, "origin");
  if (origin === undefined) return true;
  let originHost;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = header(req, "x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || header(req, "host");
  return originHost !== "" && originHost === host;
}

function hasBody(req) {
  return header(req, "transfer-encoding") !== undefined || (header(req, "content-length") ?? "0") !== "0";
}

function declaredLength(req) {
  const value = header(req, "content-length");
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function answer(res, status, type, body) {
  res.statusCode = status;
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}

function refuse(res, pathname, status, code, message) {
  if (pathname.startsWith("/api/")) return answer(res, status, "application/json; charset=utf-8", errorBody(code, message));
  return answer(res, status, "text/plain; charset=utf-8", `${message}\n`);
}

/** Refuses a body over the small limit without reading it; the connection closes after the answer. */
function tooLarge(res, pathname, limit) {
  res.setHeader("Connection", "close");
  refuse(res, pathname, 413, "payload-too-large", `request bodies here are limited to ${limit} bytes, with Content-Length`);
}

/**
 * Checks `req` before Next sees it. Returns true when it answered (the caller stops there); may
 * rewrite req.url for a malformed page path. `options.uploadLimit` is the editor's body limit,
 * `options.hasStaffSession(cookie)` asks whether a Cookie header carries a live session.
 */
export async function guardRequest(req, res, options) {
  const pathname = pathOf(req.url ?? "/");
  if (!pathDecodes(pathname)) {
    if (ROUTE_HANDLER.test(pathname)) {
      refuse(res, pathname, 400, "bad-request", "the path is not valid percent-encoded UTF-8");
      return true;
    }
    req.url = notFoundPathFor(pathname);
  }
  if (isPossibleServerAction(req, pathname) && !sameOriginAction(req)) {
    refuse(res, pathname, 403, "forbidden", "a server action from another origin is refused");
    return true;
  }
  if (!hasBody(req) || OWN_BODY_LIMIT.some((p) => p.test(pathname))) return false;
  const length = declaredLength(req);
  if (length !== null && length <= SMALL_BODY_LIMIT) return false;
  const upload = UPLOAD_PATH.test(pathname) && isPossibleServerAction(req, pathname);
  const cookie = header(req, "cookie");
  if (upload && cookie && (length === null || length <= options.uploadLimit) && (await options.hasStaffSession(cookie).catch(() => false))) return false;
  tooLarge(res, pathname, SMALL_BODY_LIMIT);
  return true;
}

/** Asks this server's better-auth whether the cookie is a live session (GET /api/auth/get-session). */
export function sessionChecker(selfOrigin) {
  return async (cookie) => {
    const response = await fetch(`${selfOrigin}/api/auth/get-session`, { headers: { cookie }, signal: AbortSignal.timeout(5000) });
    if (!response.ok) return false;
    const body = await response.json().catch(() => null);
    return Boolean(body && body.session && body.user);
  };
}
