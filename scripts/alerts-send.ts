/**
 * `npm run alerts:send`: one round of alert digests, then exit — for cron-style deployments
 * (ALERT_DIGEST_INTERVAL_MS=0 on the web servers). Safe to run alongside them
 * (lib/server/alerts/send-digests.ts). Exits 1 if any digest could not be sent (it is tried again next time).
 */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { portalMailer } from "@/lib/server/alerts/mailer";
import { sendDigests } from "@/lib/server/alerts/send-digests";

const prisma = db();
try {
  const mailer = portalMailer();
  if (!mailer) throw new Error("SMTP_URL is not set: alerts are off (docs/alerts.md)");
  const round = await sendDigests(prisma, mailer);
  console.log(`alerts:send: ${round.sent} digests sent, ${round.checked} subscriptions checked, ${round.expired} expired requests deleted, ${round.failed} failed`);
  if (round.failed > 0) process.exitCode = 1;
} catch (error) {
  console.error(`alerts:send: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
