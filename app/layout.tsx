import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SkipLink } from "@/components/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "公示 Gongshi", template: "%s · 公示 Gongshi" },
  description:
    "公开、可验证的公示平台。Public notices recorded in an append-only, signed Merkle log that anyone can verify.",
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col bg-stone-50 font-sans text-stone-900 antialiased">
        <SkipLink />
        <SiteHeader />
        {/* tabIndex lets the skip link move keyboard focus, not just the scroll position. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10 outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
