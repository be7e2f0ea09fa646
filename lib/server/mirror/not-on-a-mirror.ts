import "server-only";
/**
 * The one rule for the write APIs on a mirror (docs/mirrors.md): a mirror publishes nothing
 * and signs nobody in, so publishing (POST /api/v1/notices, with an agency token) and
 * better-auth's endpoints (app/api/auth) answer as an unknown endpoint does, 404 in the API's
 * error form, before reading a header or a byte of the body. Pages get the same rule in proxy.ts.
 */
import { notFound } from "@/lib/server/api/errors";
import { errorResponse } from "@/lib/server/api/respond";
import { isMirror } from "./mirror-config";

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response> | Response;

/** `handler` on an origin; on a mirror, 404 `{error:{code:"not-found"}}`. */
export function notOnAMirror<A extends unknown[]>(handler: Handler<A>): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    if (isMirror()) return errorResponse(notFound("this server is a mirror: it publishes nothing and has no sign-in (see /api/v1/mirror)"));
    return handler(request, ...rest);
  };
}
