import "server-only";
/**
 * Loads the demo agencies and notices and commits them to the log. Idempotent: agencies are
 * written when missing or changed and notices already present are skipped, so running it twice adds nothing.
 * Versions are recorded in the order they happened, so log order matches publication order.
 *
 * DEMO CLOCK: into a database without notices, the seed replays the demo's history
 * (demo-timeline.ts): each version is stored with its publication time and committed on its
 * own with the log's clock set to two seconds later (commitPendingAsOfForDemo), so its log
 * time, and the checkpoint that first covers it, follow the day the agency published it. Only
 * the newest checkpoint gets witnessed (witnesses cosign the head), the older ones carry no
 * cosignatures. Into a database that already has notices, the demo's versions are committed at
 * the real time: a replay there could give someone else's pending version a log time from
 * before it was written. The redactions follow at the real time, as the last event.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { writeAgencies } from "@/lib/server/agencies/write-agencies";
import { commitPending, commitPendingAsOfForDemo } from "@/lib/server/log-service/commit-pending";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { writeNoticeVersion, type NewNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { writeRedaction, type NewRedaction } from "@/lib/server/notices/record-redaction";
import { DEMO_REDACTIONS } from "./demo-redactions";
import { DEMO_AGENCIES } from "./demo-agencies";
import { seedDemoReview } from "./demo-review";
import { seedDemoUsers } from "./demo-users";
import { DEMO_NOTICES, type DemoNotice, type DemoNoticeVersion } from "./demo-notices";
import { DEMO_LOG_DELAY_MS, demoTimeline } from "./demo-timeline";
import { DEMO_TRANSLATIONS } from "./demo-translations";
import { recordTranslation } from "@/lib/server/translations/record-translation";

export async function seedDemo(prisma: PrismaClient, config: LogConfig, now = new Date()): Promise<{ notices: number; size: number }> {
  await writeAgencies(prisma, DEMO_AGENCIES, { source: "demo seed", overwrite: true });
  const existing = new Set((await prisma.notice.findMany({ select: { id: true } })).map((n) => n.id));
  const fresh = DEMO_NOTICES.filter((n) => !existing.has(n.id));
  const replay = existing.size === 0;
  for (const { notice, version, publishedAt } of demoTimeline(fresh, now)) {
    await seedVersion(prisma, toInput(notice, version, publishedAt));
    if (replay) await commitPendingAsOfForDemo(prisma, config, new Date(publishedAt.getTime() + DEMO_LOG_DELAY_MS));
  }
  let size = await commitAll(prisma, config);
  // A redaction needs its target in the log, so these follow the first commit.
  const freshIds = new Set(fresh.map((n) => n.id));
  const redactions = DEMO_REDACTIONS.filter((r) => freshIds.has(r.noticeId));
  for (const r of redactions) await seedRedaction(prisma, r);
  if (redactions.length > 0) size = await commitAll(prisma, config);
  for (const link of DEMO_TRANSLATIONS.filter((l) => freshIds.has(l.translationId))) {
    await prisma.$transaction((tx) => recordTranslation(tx, { ...link, actorUserId: null, source: "demo seed" }));
  }
  await seedDemoReview(prisma);
  await seedDemoUsers(prisma);
  return { notices: fresh.length, size };
}

/**
 * A demo version with the audit event a publishing service records for it, so a seeded database
 * audits clean (`npm run log:audit`); the actor is nobody, the source the demo seed.
 */
async function seedVersion(prisma: PrismaClient, input: NewNoticeVersion): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const version = await writeNoticeVersion(tx, input);
    const detail = { agencyId: input.agencyId, version, title: input.fields.title ?? "", source: "demo seed" };
    await recordAuditEvent(tx, { actorUserId: null, action: `notice.${input.kind}`, subject: input.noticeId, detail });
  });
}

async function seedRedaction(prisma: PrismaClient, input: NewRedaction): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const id = await writeRedaction(tx, input);
    const detail = { version: input.version, withhold: input.withhold, basis: input.basis, redactionId: id.toString(), source: "demo seed" };
    await recordAuditEvent(tx, { actorUserId: null, action: "notice.redact", subject: input.noticeId, detail });
  });
}

async function commitAll(prisma: PrismaClient, config: LogConfig): Promise<number> {
  for (;;) {
    const result = await commitPending(prisma, config);
    if (result.committed === 0) return result.size;
  }
}

function toInput(notice: DemoNotice, version: DemoNoticeVersion, createdAt: Date) {
  return {
    noticeId: notice.id,
    agencyId: notice.agency,
    kind: version.kind,
    fields: { ...version.fields },
    createdAt,
    attachments: (version.attachments ?? []).map((a) => ({
      fileName: a.name,
      mediaType: a.mediaType,
      content: new TextEncoder().encode(a.text),
    })),
  };
}
