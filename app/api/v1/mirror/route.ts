import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/api/errors";
import { handle, json } from "@/lib/server/api/respond";
import { mirrorConfig } from "@/lib/server/mirror/mirror-config";
import { getMirrorInfo } from "@/lib/server/mirror/get-mirror-info";

export const dynamic = "force-dynamic";

/**
 * A mirror's status (docs/mirrors.md): the origin it copies, how far it has verified, whether
 * it still follows, and the evidence if it refused. Never cached: a client polling it must see
 * a refusal the moment it is recorded. On a server that is no mirror, 404.
 */
export function GET(): Promise<Response> {
  return handle(async () => {
    const config = mirrorConfig();
    if (!config) throw notFound("this server is not a mirror");
    return json(await getMirrorInfo(db(), config.originUrl), "no-store");
  });
}
