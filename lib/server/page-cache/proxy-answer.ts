/**
 * What proxy.ts answers for a public page (README.md in this folder): the kept page, a page
 * rendered now and kept, a refusal (503 or 429) instead of a render, or else the locale
 * middleware's own response, which lets Next render the page as if there were no cache.
 */
import { NextResponse, type NextRequest } from "next/server";
import { publicPageCache } from "./public-page-cache";
import { acceptsGzip, pageCacheKey } from "./page-cache-policy";
import { bodyFor, PRECOMPRESSED_HEADER, STATUS_HEADER } from "./page-cache";
import { busyRefusal, renderRefusal, sendRefusal } from "./render-refusal";

/** `response`: the locale middleware's answer to `request` (a redirect, or a pass-through to Next). */
export async function answerPublicPage(request: NextRequest, response: NextResponse): Promise<Response> {
  const cache = publicPageCache();
  if (cache?.isRender(request)) {
    // The cache's own render: the language cookie is for the visitor, who gets it with the answer.
    response.headers.delete("set-cookie");
    return response;
  }
  // Only a request the locale middleware lets through unchanged is a page the cache may answer.
  const key = cache && !response.headers.has("location") ? pageCacheKey(request) : null;
  if (!cache || !key) {
    const refused = response.headers.has("location") ? null : renderRefusal(request);
    return refused ? sendRefusal(refused) : response;
  }
  cache.noteVisitor(request);
  try {
    const found = await cache.page(key, request, () => renderRefusal(request));
    if (found && "refused" in found) return sendRefusal(found.refused);
    // The render failed; if the database is why, Next rendering it again would only wait again.
    if (!found) return busyRefusal(request) ?? response;
    const { body, gzipped } = bodyFor(found.page, acceptsGzip(request.headers.get("accept-encoding")));
    const answer = new NextResponse(Buffer.from(body), { status: 200, headers: found.page.headers });
    answer.headers.set(STATUS_HEADER, found.hit ? "hit" : "miss");
    if (gzipped) answer.headers.set(PRECOMPRESSED_HEADER, "gzip");
    // The locale middleware's own cookie (the visitor's language) still applies to this visitor.
    for (const cookie of response.headers.getSetCookie()) answer.headers.append("set-cookie", cookie);
    return answer;
  } catch (error) {
    // The cache is an optimization: if it cannot render or read, Next answers as without it.
    console.error(`gongshi: page cache: ${(error as Error).message}`);
    return busyRefusal(request) ?? response;
  }
}
