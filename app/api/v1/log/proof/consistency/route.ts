import { readDb } from "@/lib/server/db/read-db";
import { handle, IMMUTABLE, json } from "@/lib/server/api/respond";
import { parseIndex } from "@/lib/server/api/params";
import { getConsistencyProof } from "@/lib/server/log-service/get-consistency-proof";

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = new URL(request.url).searchParams;
    const from = parseIndex("from", query.get("from"));
    const to = parseIndex("to", query.get("to"));
    return json(await getConsistencyProof(await readDb(), from, to), IMMUTABLE);
  });
}
