import "server-only";
/**
 * A visitor asks for alerts: the subscription is stored unconfirmed and the one confirmation mail
 * is sent (double opt-in). Nothing else ever goes to an unconfirmed address. Requests for one
 * address are serialized (a transaction lock on it), so two at once cannot both mail it.
 *
 * Outcomes other than a bad address look the same to the visitor (the subscribe page shows one
 * message): telling "already subscribed" or "mailed recently" apart would tell anyone who types
 * an address what it subscribes to.
 *   sent          a new or still unconfirmed subscription; its confirmation mail was accepted
 *   subscribed    already confirmed: nothing sent
 *   throttled     the address was sent a confirmation less than CONFIRMATION_PERIOD_MS ago
 *   full          the address holds MAX_SUBSCRIPTIONS_PER_ADDRESS subscriptions already
 * The mail is sent inside the transaction: if the SMTP server refuses it, nothing is stored.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { alertLinks, confirmUrl } from "./alert-links";
import { confirmationMail, describeFilter, type AlertLocale } from "./alert-mails";
import { CONFIRMATION_PERIOD_MS, MAX_SUBSCRIPTIONS_PER_ADDRESS } from "./alert-policy";
import { hashAlertToken, newAlertToken } from "./alert-tokens";
import { agencyNames } from "@/lib/server/agencies/agency-names";
import { parseEmailAddress } from "./email-address";
import type { AlertMailer } from "./mailer";
import { alertKind, type AlertFilter } from "../../shared/alerts/subscription-filter";

export type SubscribeOutcome = "sent" | "subscribed" | "throttled" | "full";

export class InvalidEmailError extends Error {
  constructor() {
    super("not an email address");
  }
}

export async function subscribe(
  prisma: PrismaClient,
  mailer: AlertMailer,
  input: { email: unknown; locale: AlertLocale; filter: AlertFilter },
  now = new Date(),
): Promise<SubscribeOutcome> {
  const email = parseEmailAddress(input.email);
  if (email === null) throw new InvalidEmailError();
  const filter = JSON.stringify(input.filter);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtextextended('alert ' || lower($1), 0))", email);
      const mine = await tx.$queryRawUnsafe<{ id: string; same: boolean; confirmed_at: Date | null; confirmation_sent_at: Date | null }[]>(
        "SELECT id, filter = $2::jsonb AS same, confirmed_at, confirmation_sent_at FROM alert_subscription WHERE lower(email) = lower($1)",
        email,
        filter,
      );
      const same = mine.find((s) => s.same);
      if (same?.confirmed_at) return "subscribed";
      const lastSent = Math.max(0, ...mine.map((s) => s.confirmation_sent_at?.getTime() ?? 0));
      if (now.getTime() - lastSent < CONFIRMATION_PERIOD_MS) return "throttled";
      if (!same && mine.length >= MAX_SUBSCRIPTIONS_PER_ADDRESS) return "full";

      // A new request replaces an unconfirmed one: its old links stop working, and it expires
      // CONFIRMATION_TTL_MS from now.
      if (same) await tx.alertSubscription.delete({ where: { id: same.id } });
      const id = randomUUID();
      await tx.alertSubscription.create({
        data: { id, email, locale: input.locale, kind: alertKind(input.filter), filter: input.filter as object, createdAt: now, confirmationSentAt: now },
      });
      const confirmToken = newAlertToken();
      const unsubscribeToken = newAlertToken();
      await tx.alertToken.createMany({
        data: [
          { tokenHash: hashAlertToken(confirmToken), subscriptionId: id, purpose: "confirm" },
          { tokenHash: hashAlertToken(unsubscribeToken), subscriptionId: id, purpose: "unsubscribe" },
        ],
      });
      const locale = input.locale;
      const what = describeFilter(input.filter, locale, await agencyNames(tx, input.filter.agency));
      await mailer.send(
        confirmationMail({ to: email, locale, what, confirmUrl: confirmUrl(mailer.baseUrl, locale, confirmToken), links: alertLinks(mailer.baseUrl, locale, unsubscribeToken) }),
      );
      return "sent";
    },
    { timeout: 90_000, maxWait: 10_000 },
  );
}
