import "server-only";
/** The route handlers' shared body: parse, 400 on any problem, load, write in one format. */
import { readDb } from "@/lib/server/db/read-db";
import { ParamProblems } from "@/lib/server/api/errors";
import { handle, SHORT } from "@/lib/server/api/respond";
import { buildAtom } from "./atom";
import { buildJsonFeed } from "./json-feed";
import { buildRss } from "./rss";
import type { Feed } from "./feed";
import { FEED_FORMATS, type FeedFormat } from "../../shared/feeds/feed-links";
import { parseFeedQuery } from "./feed-params";
import { loadFeed } from "./load-feed";
import { publicOriginOf } from "@/lib/server/api/public-origin";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

const WRITERS: Record<FeedFormat, (feed: Feed) => string> = { rss: buildRss, atom: buildAtom, json: buildJsonFeed };

export function feedResponse(request: Request, format: FeedFormat): Promise<Response> {
  return handle(async () => {
    const url = new URL(request.url);
    // The plain feed is the same for everyone; a feed of a search is a search (lib/server/rate-limit).
    if (url.search) await enforceRateLimit("search", request);
    const { params, locale, problems } = parseFeedQuery(url.searchParams);
    if (problems.length > 0) throw new ParamProblems(problems);
    const origin = publicOriginOf(request);
    const feed = await loadFeed(await readDb(), params, locale, origin, `${origin}${url.pathname}${url.search}`);
    return new Response(WRITERS[format](feed), {
      headers: { "content-type": `${FEED_FORMATS[format].type}; charset=utf-8`, "cache-control": SHORT },
    });
  });
}
