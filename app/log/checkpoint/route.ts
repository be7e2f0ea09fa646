import { db } from "@/lib/db/client";
import { handle, SHORT } from "@/lib/api/respond";
import { requireCheckpoint } from "@/lib/log-service/latest-checkpoint";

/** C2SP tlog-tiles: the latest signed checkpoint, as text. */
export function GET(): Promise<Response> {
  return handle(async () => {
    const cp = await requireCheckpoint(db());
    return new Response(cp.note, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": SHORT } });
  });
}
