import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { currentActor } from "@/lib/server/auth/current-actor";

/** Staff pages: never indexed, never cached (see also proxy.ts, which sets the headers). */
export const metadata: Metadata = { robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/**
 * The staff navigation shows only to a signed-in user (so never on the sign-in page, which
 * sends a signed-in user to the dashboard). Signing in and out set or clear the session cookie
 * in a server action, which makes Next render this layout afresh.
 */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const actor = await currentActor();
  // Staff forms translate on the client: they get the whole catalogue (the public layout
  // passes only the verifier's strings).
  return (
    <NextIntlClientProvider>
      {actor && <AdminNav role={actor.role} />}
      {children}
    </NextIntlClientProvider>
  );
}
