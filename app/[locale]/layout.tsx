import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { MirrorBanner } from "@/components/mirror/mirror-banner";
import { SkipLink } from "@/components/skip-link";
import { readingModeOn } from "@/components/reading-mode";
import { getLogIdentity } from "@/lib/server/log-service/get-log-identity";
import { configuredMirror, loadMirrorInfo } from "@/lib/server/mirror/mirror-info";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site" });
  const name = locale === "en" ? "Gongshi" : "公示 Gongshi";
  return { title: { default: name, template: `%s · ${name}` }, description: t("footer") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Server-rendered, so reading mode is right on the first paint (no flash of small text).
  const mirror = configuredMirror();
  const [readingMode, messages, mirrorStatus] = await Promise.all([readingModeOn(), getMessages(), mirror ? loadMirrorInfo(mirror) : null]);
  return (
    <html lang={locale} data-reading-mode={readingMode ? "on" : undefined}>
      <body className="flex min-h-screen flex-col bg-stone-50 font-sans text-stone-900 antialiased">
        {/* Public client components (the verifier) need only their own strings; the whole
            catalogue would be sent in every page's payload. Staff pages add theirs
            (app/[locale]/admin/layout.tsx). */}
        <NextIntlClientProvider messages={{ verify: messages.verify }}>
          <SkipLink />
          <SiteHeader />
          {/* Only on a mirror (MIRROR_OF): whose copy this is and how far it is verified. */}
          {mirror && mirrorStatus && <MirrorBanner origin={mirror.originUrl} info={mirrorStatus.info} />}
          {/* tabIndex lets the skip link move keyboard focus, not just the scroll position. */}
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10 outline-none">
            {children}
          </main>
          <SiteFooter identity={getLogIdentity()} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
