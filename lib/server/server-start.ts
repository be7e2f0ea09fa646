import "server-only";
/**
 * Validates the environment and starts the in-server committer and witnessing. In production
 * a missing or invalid signing key stops the server here, before it serves a single request,
 * rather than failing later when the first checkpoint is due. A malformed witness policy stops
 * it in every mode: running without the witnesses an operator configured would look healthy
 * while no checkpoint gets cosigned.
 *
 * A mirror (MIRROR_OF, docs/mirrors.md) signs nothing and publishes nothing: it starts neither
 * the committer nor the witnessing loop, only the loop that follows its origin. Its
 * configuration is checked like the signing key: a bad one stops a production server at once.
 * An invalid PORTAL_TIME_ZONE stops any server, mirror or not (lib/server/portal-time-zone.ts).
 */
import { startAlerts } from "@/lib/server/alerts/start-alerts";
import { db } from "@/lib/server/db/client";
import { env, envOf, isSet, logConfig } from "@/lib/server/env";
import { startScheduledPublishing } from "@/lib/server/drafts/scheduled-publish-loop";
import { startCommitterLoop } from "@/lib/server/log-service/committer-loop";
import { mirrorConfig } from "@/lib/server/mirror/mirror-config";
import { startPrerenderLoop } from "@/lib/server/page-cache/prerender-on-log";
import { publicPageCache } from "@/lib/server/page-cache/public-page-cache";
import { portalTimeZone } from "@/lib/server/portal-time-zone";
import { startMirrorLoop } from "@/lib/server/mirror/mirror-loop";
import { witnessPolicy } from "@/lib/server/witnessing/witness-policy";
import { startWitnessingLoop, type WitnessingLoop } from "@/lib/server/witnessing/witnessing-loop";

export function startServer(): void {
  // Every page shows times in this zone: a misspelt one would fail every page, so stop now.
  try {
    portalTimeZone();
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    process.exit(1);
  }
  // Read raw: a malformed environment is reported (and stops production) inside startMirror.
  if (isSet("MIRROR_OF")) return startMirror();
  // Email alerts (docs/alerts.md): an origin's only; a mirror has no subscribers.
  startAlerts();
  startPrerendering();
  // Approved drafts scheduled for later (docs/review.md): an origin's only, like publishing.
  startScheduledPublishing();
  let policy;
  try {
    policy = witnessPolicy();
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    process.exit(1);
  }
  let config;
  let interval;
  try {
    config = logConfig();
    interval = env().LOG_COMMIT_INTERVAL_MS;
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    if (envOf(["NODE_ENV"]).NODE_ENV === "production") process.exit(1);
    return;
  }
  console.info(`gongshi: log ${config.origin}, verifier key ${config.verifierKey}`);
  let witnessing: WitnessingLoop | undefined;
  const witnessInterval = env().LOG_WITNESS_INTERVAL_MS;
  if (policy && witnessInterval > 0) {
    witnessing = startWitnessingLoop(db(), policy, witnessInterval);
    console.info(`gongshi: asking ${policy.witnesses.length} witnesses to cosign, every ${witnessInterval} ms and after each commit`);
  } else if (policy) {
    console.info(`gongshi: witnessing is left to \`npm run log:witness\` (LOG_WITNESS_INTERVAL_MS=0)`);
  }
  if (interval === 0) return; // committing is left to `npm run log:commit` (cron-style deployments)
  startCommitterLoop(db(), config, interval, witnessing && (() => witnessing.kick()));
  console.info(`gongshi: committing pending notices every ${interval} ms`);
}

/** Newly logged notices' pages into this process's page cache, when it has one (production). */
function startPrerendering(): void {
  const cache = publicPageCache();
  const interval = env().PAGE_PRERENDER_INTERVAL_MS;
  if (!cache || interval === 0) return;
  startPrerenderLoop(db(), cache, interval);
  console.info(`gongshi: pre-rendering newly logged notices' pages, looking every ${interval} ms`);
}

function startMirror(): void {
  let config;
  try {
    config = mirrorConfig();
    // A policy the mirror's bundles name must be well-formed and list the origin's key.
    witnessPolicy();
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    if (envOf(["NODE_ENV"]).NODE_ENV === "production") process.exit(1);
    return;
  }
  if (!config) return;
  console.info(`gongshi: mirror of ${config.originUrl}, origin's verifier key ${config.logKey}`);
  if (config.intervalMs === 0) {
    console.info("gongshi: following the origin is left to `npm run mirror:sync` (MIRROR_INTERVAL_MS=0)");
    return;
  }
  startMirrorLoop(db(), config);
  console.info(`gongshi: following the origin every ${config.intervalMs} ms`);
}
