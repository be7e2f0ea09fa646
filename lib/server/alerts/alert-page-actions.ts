"use server";
/**
 * The buttons of the confirm and unsubscribe pages. The links in mail lead to those pages, not
 * to these actions: a mail scanner that follows every link must neither start nor end an alert.
 */
import { redirect } from "next/navigation";
import { actionLocale } from "@/i18n/action-locale";
import { db } from "@/lib/server/db/client";
import { isAlertToken } from "./alert-tokens";
import { confirmSubscription } from "./confirm-subscription";
import { unsubscribe } from "./unsubscribe";

export async function confirmAction(locale: string, form: FormData): Promise<void> {
  const token = form.get("token");
  await confirmSubscription(db(), token);
  // The page then shows the outcome from the database (confirmed, or the link is not valid).
  redirect(`/${actionLocale(locale)}/alerts/confirm/${isAlertToken(token) ? token : "invalid"}`);
}

export async function unsubscribeAction(locale: string, form: FormData): Promise<void> {
  const outcome = await unsubscribe(db(), form.get("token"));
  const token = form.get("token");
  redirect(outcome === "unsubscribed" ? `/${actionLocale(locale)}/alerts/unsubscribed` : `/${actionLocale(locale)}/alerts/unsubscribe/${isAlertToken(token) ? token : "invalid"}`);
}
