"use server";
/** Sign-in and sign-out for the admin pages. Next checks the Origin of every server action. */
import { actionLocale } from "@/i18n/action-locale";
import { headers } from "next/headers";
import { redirect } from "@/i18n/navigation";
import { auth } from "./server";
import { signInRefused, type SignInState } from "./sign-in-outcome";
import { signOut } from "./sign-out";
import { isMirror } from "@/lib/server/mirror/mirror-config";

export async function signInAction(locale: string, _previous: SignInState, form: FormData): Promise<SignInState> {
  locale = actionLocale(locale);
  const email = String(form.get("email") ?? "")
    .trim()
    .slice(0, 320);
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "missing", email };
  // A mirror signs nobody in (proxy.ts hides the form; this is the action reached by its id).
  if (isMirror()) return { error: "invalid", email };
  try {
    await auth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    const refused = signInRefused(error, email);
    if (refused) return refused;
    console.error("sign-in failed unexpectedly", error);
    return { error: "unexpected", email };
  }
  redirect({ href: "/admin", locale });
  return { error: null, email };
}

export async function signOutAction(locale: string, form: FormData): Promise<void> {
  locale = actionLocale(locale);
  await signOut({ everywhere: form.get("everywhere") === "yes" });
  redirect({ href: "/admin/sign-in", locale });
}
