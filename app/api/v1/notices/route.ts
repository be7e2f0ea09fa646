import { db } from "@/lib/server/db/client";
import { readDb } from "@/lib/server/db/read-db";
import { checkOrigin } from "@/lib/server/api/check-origin";
import { ApiError, ParamProblems } from "@/lib/server/api/errors";
import { handle, json, SHORT } from "@/lib/server/api/respond";
import { publishFromApi } from "@/lib/server/api/agency/publish-from-api";
import { bodyLimit, parsePublishRequest, readLimitedBody } from "@/lib/server/api/agency/publish-request";
import { parseIdempotencyKey } from "@/lib/server/api/agency/idempotency";
import { authenticateApiToken } from "@/lib/server/auth/tokens/authenticate-api-token";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { attachmentMaxBytes } from "@/lib/server/publishing/attachment-limit";
import { parseSearchParams } from "@/lib/shared/search/search-params";
import { searchNotices } from "@/lib/server/search/search-notices";
import { notOnAMirror } from "@/lib/server/mirror/not-on-a-mirror";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

/**
 * Notices, searched and filtered: the URL contract of lib/shared/search/search-params.ts (q, agency,
 * category, status, language, from, to, sort, page, pageSize). Unlike the list page, which
 * normalizes, any rejected value is a 400 that names each problem, so a client learns of a
 * typo instead of silently receiving a different list.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit("search", request);
    const { params, problems } = parseSearchParams(new URL(request.url).searchParams);
    if (problems.length > 0) throw new ParamProblems(problems);
    return json(await searchNotices(await readDb(), params), SHORT);
  });
}

const CONTENT_TYPES = ["application/json", "multipart/form-data"];

/**
 * An agency system publishes a notice (README, "Publishing from an agency system"): bearer
 * token, Idempotency-Key, JSON with base64 attachments or multipart. Checked in the order that
 * reads the least first: origin, token, key, content type, size — only then the body.
 * A mirror publishes nothing: there it is 404, as on an unknown endpoint.
 */
export const POST = notOnAMirror(publish);

async function publish(request: Request): Promise<Response> {
  const response = await handle(async () => {
    checkOrigin(request);
    const principal = await authenticateApiToken(db(), request.headers.get("authorization"));
    const idempotencyKey = parseIdempotencyKey(request.headers.get("idempotency-key"));
    const contentType = request.headers.get("content-type") ?? "";
    if (!CONTENT_TYPES.includes(contentType.split(";")[0]!.trim().toLowerCase())) {
      throw new ApiError("unsupported-media-type", "send application/json or multipart/form-data");
    }
    const maxBytes = attachmentMaxBytes();
    const body = await readLimitedBody(request, bodyLimit(maxBytes));
    const publishRequest = await parsePublishRequest(contentType, body, maxBytes);
    const answer = await publishFromApi(db(), principal, { idempotencyKey, request: publishRequest }, requestOrigin(request.headers));
    const published = json(answer.body, "no-store", answer.status);
    if (answer.status === 201) published.headers.set("Location", String((answer.body.links as { api: string }).api));
    if (answer.replayed) published.headers.set("Idempotent-Replayed", "true");
    return published;
  });
  // RFC 6750 §3: a 401 names the scheme the client must use (also when revoked mid-request).
  if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="gongshi", error="invalid_token"');
  return response;
}
