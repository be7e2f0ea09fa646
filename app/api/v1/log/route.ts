import { db } from "@/lib/db/client";
import { servedLogKey } from "@/lib/log-service/get-log-identity";
import { handle, json } from "@/lib/api/respond";
import { getLogInfo } from "@/lib/log-service/get-log-info";
import { witnessPolicy } from "@/lib/witnessing/witness-policy";

export function GET(): Promise<Response> {
  return handle(async () => json(await getLogInfo(db(), servedLogKey(), witnessPolicy())));
}
