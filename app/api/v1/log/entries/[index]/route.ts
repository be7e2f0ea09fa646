import { readDb } from "@/lib/db/read-db";
import { handle, IMMUTABLE, json } from "@/lib/api/respond";
import { parseIndex } from "@/lib/api/params";
import { getLogEntry } from "@/lib/log-service/get-log-entry";

export function GET(_request: Request, { params }: { params: Promise<{ index: string }> }): Promise<Response> {
  return handle(async () => {
    const index = parseIndex("index", (await params).index);
    return json(await getLogEntry(await readDb(), index), IMMUTABLE);
  });
}
