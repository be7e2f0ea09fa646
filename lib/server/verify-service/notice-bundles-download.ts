import { readDb } from "@/lib/server/db/read-db";
import { servedLogKey } from "@/lib/server/log-service/get-log-identity";
import { handle } from "@/lib/server/api/respond";
import { optionalIndex } from "@/lib/server/api/params";
import { allowOnly } from "@/lib/server/api/query";
import { BUNDLES_FORMAT, type ProofBundles } from "@/lib/core/verify";
import { buildNoticeBundles } from "@/lib/server/verify-service/build-proof-bundle";
import { download } from "@/lib/server/verify-service/download";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

/**
 * Every committed version of a notice, as one gongshi/proof-bundles/v1 file: the handler of
 * /api/v1/notices/{id}/bundle and of /api/v1/notices/{id}/proof, the design's original path.
 */
export function downloadNoticeBundles(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit("download", request);
    const from = optionalIndex("from", allowOnly(request.url, ["from"]).get("from"));
    const { id } = await params;
    const bundles = await buildNoticeBundles(await readDb(), servedLogKey(), id, from === undefined ? {} : { from });
    const body: ProofBundles = { format: BUNDLES_FORMAT, bundles, next: null };
    return download(JSON.stringify(body, null, 2) + "\n", "application/json; charset=utf-8", `${id}.gongshi-proofs.json`);
  });
}
