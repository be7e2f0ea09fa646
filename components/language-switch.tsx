"use client";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";

/** The same page in the other language, keeping the query (search, filters, page). */
export function LanguageSwitch({ label, description, target }: { label: string; description: string; target: "zh-CN" | "en" }) {
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
  return (
    <Link href={{ pathname, query }} locale={target} hrefLang={target} lang={target} aria-label={description} className="rounded px-2 py-1 text-red-800 underline">
      {label}
    </Link>
  );
}
