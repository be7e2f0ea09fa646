import { readDb } from "@/lib/server/db/read-db";
import { handle, IMMUTABLE, json } from "@/lib/server/api/respond";
import { parseIndex } from "@/lib/server/api/params";
import { getLogEntry } from "@/lib/server/log-service/get-log-entry";

export function GET(_request: Request, { params }: { params: Promise<{ index: string }> }): Promise<Response> {
  return handle(async () => {
    const index = parseIndex("index", (await params).index);
    return json(await getLogEntry(await readDb(), index), IMMUTABLE);
  });
}
