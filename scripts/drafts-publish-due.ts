/**
 * `npm run drafts:publish-due`: publishes the approved drafts whose scheduled time has come,
 * then exits — for deployments that run it from cron (SCHEDULED_PUBLISH_INTERVAL_MS=0 on the
 * web servers). Safe alongside them (lib/server/drafts/publish-due-drafts.ts). Exits 1 if a draft
 * could not be published (it went back to review; the reason is in the audit trail).
 */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { publishDueDrafts } from "@/lib/server/drafts/publish-due-drafts";

const prisma = db();
try {
  const { published, failed } = await publishDueDrafts(prisma);
  for (const p of published) console.log(`drafts:publish-due: draft ${p.draftId} published as ${p.noticeId} version ${p.version}`);
  for (const f of failed) console.error(`drafts:publish-due: draft ${f.draftId} not published: ${f.reason}`);
  console.log(`drafts:publish-due: ${published.length} published, ${failed.length} sent back to review`);
  if (failed.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`drafts:publish-due: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
