import { readDb } from "@/lib/server/db/read-db";
import { handle, IMMUTABLE } from "@/lib/server/api/respond";
import { getTile } from "@/lib/server/log-service/get-tile";

/** C2SP tlog-tiles: /log/tile/<L>/<N>[.p/<W>] and /log/tile/entries/<N>[.p/<W>]. Immutable once served. */
export function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return handle(async () => {
    const data = await getTile(await readDb(), (await params).path.join("/"));
    return new Response(new Uint8Array(data), { headers: { "content-type": "application/octet-stream", "cache-control": IMMUTABLE } });
  });
}
