import { feedResponse } from "@/lib/server/feeds/feed-response";

/** Notices matching the search parameters, newest first (docs/feeds-and-api.md). */
export function GET(request: Request): Promise<Response> {
  return feedResponse(request, "rss");
}
