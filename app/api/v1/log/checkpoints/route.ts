import { readDb } from "@/lib/server/db/read-db";
import { handle, json } from "@/lib/server/api/respond";
import { optionalIndex, parseLimit } from "@/lib/server/api/params";
import { listCheckpoints } from "@/lib/server/log-service/list-checkpoints";

/** The checkpoint chain, oldest first; page with ?after=<size of the last row seen>&limit=L. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = new URL(request.url).searchParams;
    const after = optionalIndex("after", query.get("after"));
    const limit = parseLimit(query.get("limit"), 1000, 100);
    return json(await listCheckpoints(await readDb(), after, limit));
  });
}
