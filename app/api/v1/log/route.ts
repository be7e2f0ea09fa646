import { readDb } from "@/lib/server/db/read-db";
import { servedLogKey } from "@/lib/server/log-service/get-log-identity";
import { handle, json } from "@/lib/server/api/respond";
import { getLogInfo } from "@/lib/server/log-service/get-log-info";
import { witnessPolicy } from "@/lib/server/witnessing/witness-policy";

export function GET(): Promise<Response> {
  return handle(async () => json(await getLogInfo(await readDb(), servedLogKey(), witnessPolicy())));
}
