import "server-only";
/**
 * Starts the digest loop in the web server when alerts are on (SMTP_URL set) and
 * ALERT_DIGEST_INTERVAL_MS is not 0. A malformed alert setting stops a production server at
 * start, as the other settings do; elsewhere it is reported and alerts stay off.
 */
import { db } from "@/lib/server/db/client";
import { alertEnv, envOf } from "@/lib/server/env";
import { startDigestLoop } from "./digest-loop";
import { portalMailer } from "./mailer";

export function startAlerts(): void {
  let mailer;
  let settings;
  try {
    settings = alertEnv();
    mailer = portalMailer();
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    if (envOf(["NODE_ENV"]).NODE_ENV === "production") process.exit(1);
    return;
  }
  if (!mailer) return;
  if (!settings.PUBLIC_URL) console.warn(`gongshi: PUBLIC_URL is not set: links in alert mail point to ${mailer.baseUrl}`);
  if (settings.ALERT_DIGEST_INTERVAL_MS === 0) {
    console.info("gongshi: alert digests are left to `npm run alerts:send` (ALERT_DIGEST_INTERVAL_MS=0)");
    return;
  }
  startDigestLoop(db(), mailer, settings.ALERT_DIGEST_INTERVAL_MS);
  console.info(`gongshi: sending alert digests every ${settings.ALERT_DIGEST_INTERVAL_MS} ms`);
}
