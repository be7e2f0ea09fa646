import { readDb } from "@/lib/server/db/read-db";
import { servedLogKey } from "@/lib/server/log-service/get-log-identity";
import { handle } from "@/lib/server/api/respond";
import { optionalIndex } from "@/lib/server/api/params";
import { allowOnly } from "@/lib/server/api/query";
import { buildAgencyBundles } from "@/lib/server/verify-service/build-agency-bundles";
import { download } from "@/lib/server/verify-service/download";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

/** Committed versions of an agency's notices, in log order, AGENCY_BUNDLE_CAP per page (`next` continues). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit("download", request);
    const after = optionalIndex("after", allowOnly(request.url, ["after"]).get("after"));
    const { id } = await params;
    const page = await buildAgencyBundles(await readDb(), servedLogKey(), id, after);
    const name = after === undefined ? `${id}.gongshi-proofs.json` : `${id}-after-${after}.gongshi-proofs.json`;
    return download(JSON.stringify(page, null, 2) + "\n", "application/json; charset=utf-8", name);
  });
}
