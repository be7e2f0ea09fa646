import type { Metadata } from "next";
import type { ReactNode } from "react";

/** Staff pages: never indexed, never cached (see also proxy.ts, which sets the headers). */
export const metadata: Metadata = { robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
