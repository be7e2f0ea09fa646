import "server-only";
/**
 * One round of alert digests (the server's loop, lib/server/alerts/digest-loop.ts, or
 * `npm run alerts:send`). First unconfirmed requests past their expiry are deleted with their
 * addresses. Then each confirmed subscription behind the log gets, in one transaction of its
 * own: its row locked (FOR UPDATE SKIP LOCKED, so two servers or a server and the script never
 * mail the same range twice at once), the entries in [next_index, log size) that match it, one
 * mail listing them if any, and next_index moved to the log size — committed only after the
 * SMTP server accepted the mail.
 *
 * Delivery is therefore at least once: a crash (SIGKILL) after the SMTP server accepted a
 * digest and before the commit sends that digest again in the next round, with the same
 * Message-ID (it names the subscription and the range), so a mail client or a reader can tell
 * it is the same mail. The other order (commit, then send) would lose the digest instead; a
 * duplicate is the lesser harm for notices people must not miss (docs/alerts.md).
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { alertLinks, noticeUrl, searchUrl } from "./alert-links";
import { describeFilter, digestMail, DIGEST_MAX_ENTRIES, isAlertLocale, type DigestEntry, type VersionKind } from "./alert-mails";
import { CONFIRMATION_TTL_MS } from "./alert-policy";
import { hashAlertToken, newAlertToken } from "./alert-tokens";
import { agencyNames } from "@/lib/server/agencies/agency-names";
import type { AlertMailer } from "./mailer";
import { matchingEntries } from "./match-subscription";
import { readFilter } from "../../shared/alerts/subscription-filter";

export interface DigestRound {
  /** Unconfirmed requests deleted because they expired. */
  expired: number;
  /** Subscriptions brought up to the log's size. */
  checked: number;
  /** Digests sent. */
  sent: number;
  /** Subscriptions whose digest failed (left as they were, for the next round). */
  failed: number;
}

export async function sendDigests(prisma: PrismaClient, mailer: AlertMailer, now = new Date()): Promise<DigestRound> {
  const round: DigestRound = { expired: 0, checked: 0, sent: 0, failed: 0 };
  round.expired = (await prisma.alertSubscription.deleteMany({ where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - CONFIRMATION_TTL_MS) } } })).count;
  const size = (await prisma.$queryRawUnsafe<{ size: bigint }[]>("SELECT coalesce(max(index) + 1, 0)::bigint AS size FROM log_entry"))[0]!.size;
  const due = await prisma.alertSubscription.findMany({
    where: { confirmedAt: { not: null }, nextIndex: { lt: size } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of due) {
    try {
      const sent = await digestOne(prisma, mailer, id, size, now);
      if (sent !== null) round.checked++;
      if (sent) round.sent++;
    } catch (error) {
      round.failed++;
      console.error(`alerts: digest for subscription ${id} failed, will retry: ${(error as Error).message}`);
    }
  }
  return round;
}

/** True if a digest went out, false if nothing matched, null if another process had the row or it was gone. */
async function digestOne(prisma: PrismaClient, mailer: AlertMailer, id: string, size: bigint, now: Date): Promise<boolean | null> {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ email: string; locale: string; filter: unknown; next_index: bigint }[]>(
        `SELECT email, locale, filter, next_index FROM alert_subscription
         WHERE id = $1 AND confirmed_at IS NOT NULL AND next_index < $2 FOR UPDATE SKIP LOCKED`,
        id,
        size,
      );
      const row = rows[0];
      if (!row) return null;
      const filter = readFilter(row.filter);
      const locale = isAlertLocale(row.locale) ? row.locale : "zh-CN";
      const { entries, total } = await matchingEntries(tx, filter, row.next_index, size, DIGEST_MAX_ENTRIES);
      if (total > 0) {
        const token = newAlertToken();
        await tx.alertToken.create({ data: { tokenHash: hashAlertToken(token), subscriptionId: id, purpose: "unsubscribe" } });
        const listed: DigestEntry[] = entries.map((e) => ({
          logIndex: e.logIndex,
          noticeId: e.noticeId,
          version: e.version,
          kind: e.kind as VersionKind,
          title: e.title,
          agencyName: locale === "en" ? e.agencyNameEn : e.agencyNameZh,
          url: noticeUrl(mailer.baseUrl, locale, e.noticeId),
        }));
        const host = new URL(mailer.baseUrl).hostname;
        await mailer.send(
          digestMail({
            to: row.email,
            locale,
            what: describeFilter(filter, locale, await agencyNames(tx, filter.agency)),
            entries: listed,
            total,
            searchUrl: searchUrl(mailer.baseUrl, locale, filter),
            links: alertLinks(mailer.baseUrl, locale, token),
            messageId: `<alert-${id}-${row.next_index}-${size}@${host}>`,
          }),
        );
      }
      await tx.alertSubscription.update({ where: { id }, data: { nextIndex: size, ...(total > 0 ? { lastDigestAt: now } : {}) } });
      return total > 0;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
