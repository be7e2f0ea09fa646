import { readDb } from "@/lib/server/db/read-db";
import { servedLogKey } from "@/lib/server/log-service/get-log-identity";
import { handle } from "@/lib/server/api/respond";
import { optionalIndex, parseIndex } from "@/lib/server/api/params";
import { allowOnly } from "@/lib/server/api/query";
import { bundleFileName } from "@/lib/core/verify";
import { buildProofBundle } from "@/lib/server/verify-service/build-proof-bundle";
import { download } from "@/lib/server/verify-service/download";
import { enforceRateLimit } from "@/lib/server/rate-limit/rate-limits";

/** The proof bundle of one notice version (docs/proof-bundle.md), as a file download. */
export function GET(request: Request, { params }: { params: Promise<{ id: string; version: string }> }): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit("download", request);
    const p = await params;
    const from = optionalIndex("from", allowOnly(request.url, ["from"]).get("from"));
    const version = parseIndex("version", p.version);
    const bundle = await buildProofBundle(await readDb(), servedLogKey(), p.id, version, from === undefined ? {} : { from });
    return download(JSON.stringify(bundle, null, 2) + "\n", "application/json; charset=utf-8", bundleFileName(bundle.notice, bundle.version));
  });
}
