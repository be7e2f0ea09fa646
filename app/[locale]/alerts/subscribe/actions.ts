"use server";
/** The subscribe form's action: checks the address and the client's rate, then subscribe (lib/server/alerts/subscribe.ts). */
import { headers } from "next/headers";
import { actionLocale } from "@/i18n/action-locale";
import { db } from "@/lib/server/db/client";
import { parseEmailAddress } from "@/lib/server/alerts/email-address";
import { portalMailer } from "@/lib/server/alerts/mailer";
import { subscribe, InvalidEmailError } from "@/lib/server/alerts/subscribe";
import { takeSubscribeLimit } from "@/lib/server/alerts/subscribe-rate-limit";
import { filterFromQuery } from "@/lib/shared/alerts/subscription-filter";
import type { SubscribeState } from "./subscribe-state";

export async function subscribeAction(locale: string, _previous: SubscribeState, form: FormData): Promise<SubscribeState> {
  const email = String(form.get("email") ?? "").slice(0, 1000);
  const mailer = portalMailer();
  if (!mailer) return { status: "unavailable", email };
  if (parseEmailAddress(email) === null) return { status: "error", error: "invalidEmail", email };
  const wait = takeSubscribeLimit(await headers());
  if (wait > 0) return { status: "error", error: "rateLimited", minutes: Math.ceil(wait / 60), email };
  const filter = filterFromQuery(new URLSearchParams(String(form.get("filter") ?? "")));
  try {
    await subscribe(db(), mailer, { email, locale: actionLocale(locale), filter });
  } catch (error) {
    if (error instanceof InvalidEmailError) return { status: "error", error: "invalidEmail", email };
    console.error(`alerts: subscribe failed: ${(error as Error).message}`);
    return { status: "error", error: "mailFailed", email };
  }
  // One answer for every outcome (lib/server/alerts/subscribe.ts says why).
  return { status: "sent", email: email.trim() };
}
