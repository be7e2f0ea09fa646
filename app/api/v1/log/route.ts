import { readDb } from "@/lib/db/read-db";
import { servedLogKey } from "@/lib/log-service/get-log-identity";
import { handle, json } from "@/lib/api/respond";
import { getLogInfo } from "@/lib/log-service/get-log-info";
import { witnessPolicy } from "@/lib/witnessing/witness-policy";

export function GET(): Promise<Response> {
  return handle(async () => json(await getLogInfo(await readDb(), servedLogKey(), witnessPolicy())));
}
