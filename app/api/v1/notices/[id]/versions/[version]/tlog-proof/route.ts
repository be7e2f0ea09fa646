import { readDb } from "@/lib/server/db/read-db";
import { servedLogKey } from "@/lib/server/log-service/get-log-identity";
import { handle } from "@/lib/server/api/respond";
import { parseIndex } from "@/lib/server/api/params";
import { allowOnly } from "@/lib/server/api/query";
import { buildProofBundle } from "@/lib/server/verify-service/build-proof-bundle";
import { download } from "@/lib/server/verify-service/download";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

/** The c2sp.org/tlog-proof@v1 text for this version's leaf bytes, for any C2SP tool. */
export function GET(request: Request, { params }: { params: Promise<{ id: string; version: string }> }): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit("download", request);
    allowOnly(request.url, []);
    const p = await params;
    const bundle = await buildProofBundle(await readDb(), servedLogKey(), p.id, parseIndex("version", p.version));
    return download(bundle.tlogProof, "text/plain; charset=utf-8", `${bundle.notice}-v${bundle.version}.tlog-proof`);
  });
}
