import { readDb } from "@/lib/server/db/read-db";
import { handle, IMMUTABLE, json, SHORT } from "@/lib/server/api/respond";
import { optionalIndex, parseIndex } from "@/lib/server/api/params";
import { getInclusionProof } from "@/lib/server/log-service/get-inclusion-proof";

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = new URL(request.url).searchParams;
    const index = parseIndex("index", query.get("index"));
    const size = optionalIndex("size", query.get("size"));
    // With an explicit size the proof can never change; without, it follows the log head.
    return json(await getInclusionProof(await readDb(), index, size), size === undefined ? SHORT : IMMUTABLE);
  });
}
