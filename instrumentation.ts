/**
 * Next.js start-up hook: validates the environment and starts the in-server committer.
 * In production a missing or invalid signing key stops the server here, before it serves a
 * single request, rather than failing later when the first checkpoint is due.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, logConfig } = await import("@/lib/env");
  let config;
  try {
    config = logConfig();
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    if (env().NODE_ENV === "production") process.exit(1);
    return;
  }
  const interval = env().LOG_COMMIT_INTERVAL_MS;
  if (interval === 0) return; // committing is left to `npm run log:commit` (cron-style deployments)
  const { db } = await import("@/lib/db/client");
  const { startCommitterLoop } = await import("@/lib/log-service/committer-loop");
  startCommitterLoop(db(), config, interval);
  console.info(`gongshi: log ${config.origin}, verifier key ${config.verifierKey}, committing every ${interval} ms`);
}
