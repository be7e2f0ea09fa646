import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/read-db";
import { checkOrigin } from "@/lib/api/check-origin";
import { ApiError, ParamProblems } from "@/lib/api/errors";
import { handle, json, SHORT } from "@/lib/api/respond";
import { publishFromApi } from "@/lib/agency-api/publish-from-api";
import { bodyLimit, parsePublishRequest, readLimitedBody } from "@/lib/agency-api/publish-request";
import { parseIdempotencyKey } from "@/lib/agency-api/idempotency";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { requestOrigin } from "@/lib/auth/request-origin";
import { attachmentMaxBytes } from "@/lib/publishing/attachment-limit";
import { parseSearchParams } from "@/lib/search/search-params";
import { searchNotices } from "@/lib/search/search-notices";
import { notOnAMirror } from "@/lib/mirror/not-on-a-mirror";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limits";

/**
 * Notices, searched and filtered: the URL contract of lib/search/search-params.ts (q, agency,
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
