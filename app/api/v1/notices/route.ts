import { db } from "@/lib/db/client";
import { handle, json, SHORT } from "@/lib/api/respond";
import { parseSearchParams } from "@/lib/search/search-params";
import { searchNotices } from "@/lib/search/search-notices";

/**
 * Notices, searched and filtered: the URL contract of lib/search/search-params.ts (q, agency,
 * category, status, language, from, to, sort, page, pageSize). Unlike the list page, which
 * normalizes, any rejected value is a 400 that names each problem, so a client learns of a
 * typo instead of silently receiving a different list.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { params, problems } = parseSearchParams(new URL(request.url).searchParams);
    if (problems.length > 0) {
      const message = problems.map((p) => `${p.param}: ${p.message} (got "${p.value}")`).join("; ");
      return json({ error: { code: "bad-request", message, problems } }, "no-store", 400);
    }
    return json(await searchNotices(db(), params), SHORT);
  });
}
