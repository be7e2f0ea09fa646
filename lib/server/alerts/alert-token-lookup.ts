import "server-only";
/**
 * The subscription a mailed token names, for the confirm and unsubscribe pages. A token that is
 * malformed, unknown, of the other purpose, or whose unconfirmed subscription has expired names
 * none: the pages say the link is not valid, whatever the reason, so a guess learns nothing.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { describeFilter, isAlertLocale, type AlertLocale } from "./alert-mails";
import { CONFIRMATION_TTL_MS } from "./alert-policy";
import { hashAlertToken, isAlertToken } from "./alert-tokens";
import { agencyNames } from "@/lib/server/agencies/agency-names";
import { readFilter, type AlertFilter } from "../../shared/alerts/subscription-filter";

export interface TokenSubscription {
  id: string;
  email: string;
  locale: AlertLocale;
  filter: AlertFilter;
  confirmed: boolean;
}

export async function findTokenSubscription(
  prisma: Prisma.TransactionClient,
  token: unknown,
  purpose: "confirm" | "unsubscribe",
  now = new Date(),
): Promise<TokenSubscription | null> {
  if (!isAlertToken(token)) return null;
  const row = await prisma.alertToken.findUnique({ where: { tokenHash: hashAlertToken(token) }, include: { subscription: true } });
  if (!row || row.purpose !== purpose) return null;
  const s = row.subscription;
  if (!s.confirmedAt && now.getTime() - s.createdAt.getTime() > CONFIRMATION_TTL_MS) return null;
  return { id: s.id, email: s.email, locale: isAlertLocale(s.locale) ? s.locale : "zh-CN", filter: readFilter(s.filter), confirmed: s.confirmedAt !== null };
}

/** The token's subscription with its description in `locale` (for a page), or null. */
export async function describeTokenSubscription(prisma: Prisma.TransactionClient, token: unknown, purpose: "confirm" | "unsubscribe", locale: AlertLocale) {
  const found = await findTokenSubscription(prisma, token, purpose);
  if (!found) return null;
  return { ...found, what: describeFilter(found.filter, locale, await agencyNames(prisma, found.filter.agency)) };
}
