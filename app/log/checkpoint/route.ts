import { readDb } from "@/lib/server/db/read-db";
import { handle, SHORT } from "@/lib/server/api/respond";
import { requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";

/** C2SP tlog-tiles: the latest signed checkpoint, as text, with every witness cosignature collected for it. */
export function GET(): Promise<Response> {
  return handle(async () => {
    const cp = await requireCosignedCheckpoint(await readDb());
    return new Response(cp.note, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": SHORT } });
  });
}
