import { readDb } from "@/lib/server/db/read-db";
import { badRequest } from "@/lib/server/api/errors";
import { handle, json, SHORT } from "@/lib/server/api/respond";
import { parseIndex } from "@/lib/server/api/params";
import { listLogRecords, MAX_RECORDS } from "@/lib/server/log-service/list-log-records";

/**
 * Entries from ?start=S with their leaves and content, at most ?count=C (default and maximum
 * 256); fewer at the end of the latest checkpoint. Short-lived cache: a redaction can withhold
 * a field of a listed version at any time.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = new URL(request.url).searchParams;
    const unknown = [...query.keys()].find((key) => key !== "start" && key !== "count");
    if (unknown !== undefined) throw badRequest(`unknown parameter ${unknown.slice(0, 40)}`);
    const start = parseIndex("start", query.get("start"));
    const count = query.get("count") === null ? MAX_RECORDS : parseIndex("count", query.get("count"));
    if (count < 1 || count > MAX_RECORDS) throw badRequest(`count must be between 1 and ${MAX_RECORDS}`);
    return json(await listLogRecords(await readDb(), start, count), SHORT);
  });
}
