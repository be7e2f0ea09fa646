import "server-only";
/**
 * The Origin check for route handlers that change state, so that a cross-site page cannot
 * make a visitor's browser call them. Server actions get Next's own check; route handlers do
 * it themselves. A browser sends Origin on every cross-origin
 * POST, so a page elsewhere that makes a visitor's browser call us is refused here. Clients
 * that are not browsers (an agency's system, curl) usually send no Origin and pass — they
 * authenticate with a token, which no browser attaches on its own.
 *
 * Allowed: the configured PUBLIC_URL, and the origin of the request's own Host (a browser
 * sets Host and Origin itself, so for browsers both are honest). "null" (sandboxed frames,
 * file: pages) is refused.
 */
import { ApiError } from "./errors";
import { publicOrigin } from "./public-origin";

export function checkOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Some browsers omit Origin on same-origin requests; Fetch Metadata still says where from.
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") throw refused();
    return;
  }
  // publicOrigin is PUBLIC_URL when configured, else the request's Host.
  const allowed = new Set([publicOrigin(request.headers, request.url), new URL(request.url).origin]);
  if (!allowed.has(origin)) throw refused();
}

const refused = () => new ApiError("forbidden", "cross-origin requests are refused: send the request from the agency's system, not from a web page elsewhere");
