import type { ReactNode } from "react";
import "./globals.css";

/** The real layout, with <html lang>, is app/[locale]/layout.tsx: the language comes from the URL. */
export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return children;
}
