import "server-only";
/**
 * Validates the environment and starts the in-server committer. In production a missing or
 * invalid signing key stops the server here, before it serves a single request, rather than
 * failing later when the first checkpoint is due.
 */
import { db } from "@/lib/db/client";
import { env, logConfig } from "@/lib/env";
import { startCommitterLoop } from "@/lib/log-service/committer-loop";

export function startServer(): void {
  let config;
  let interval;
  try {
    config = logConfig();
    interval = env().LOG_COMMIT_INTERVAL_MS;
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    if (process.env.NODE_ENV === "production") process.exit(1);
    return;
  }
  console.info(`gongshi: log ${config.origin}, verifier key ${config.verifierKey}`);
  if (interval === 0) return; // committing is left to `npm run log:commit` (cron-style deployments)
  startCommitterLoop(db(), config, interval);
  console.info(`gongshi: committing pending notices every ${interval} ms`);
}
