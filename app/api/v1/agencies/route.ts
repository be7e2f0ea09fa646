import { readDb } from "@/lib/server/db/read-db";
import { badRequest } from "@/lib/server/api/errors";
import { handle, json, SHORT } from "@/lib/server/api/respond";
import { listAgencies } from "@/lib/server/notices/list-agencies";

/** Every agency with its notice count (a short list: no paging). */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const unknown = [...new URL(request.url).searchParams.keys()];
    if (unknown.length > 0) throw badRequest(`unknown parameter ${unknown[0]!.slice(0, 40)}`);
    return json({ agencies: await listAgencies(await readDb()) }, SHORT);
  });
}
