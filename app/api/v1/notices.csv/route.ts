import { readDb } from "@/lib/server/db/read-db";
import { ParamProblems } from "@/lib/server/api/errors";
import { handle } from "@/lib/server/api/respond";
import { CSV_MAX_ROWS, csvFileName } from "@/lib/server/feeds/csv";
import { exportCsv } from "@/lib/server/feeds/export-csv";
import { parseExportQuery } from "@/lib/server/feeds/feed-params";
import { publicOriginOf } from "@/lib/server/api/public-origin";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

/** Every notice matching a search (the /api/v1/notices parameters), as CSV, up to CSV_MAX_ROWS. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit("search", request);
    const { params, locale, problems } = parseExportQuery(new URL(request.url).searchParams);
    if (problems.length > 0) throw new ParamProblems(problems);
    const csv = await exportCsv(await readDb(), params, locale, publicOriginOf(request));
    return new Response(csv.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": `attachment; filename="${csvFileName(params, new Date())}"`,
        "cache-control": "public, max-age=60",
        "x-total-count": String(csv.total),
        "x-export-rows": String(csv.rows),
        "x-export-limit": String(CSV_MAX_ROWS),
      },
    });
  });
}
