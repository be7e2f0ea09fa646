import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { listAgencies } from "@/lib/server/notices/list-agencies";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "agencies" });
  return { title: t("title") };
}

export default async function AgenciesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("agencies");
  const agencies = await listAgencies(await readDb());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
        {agencies.map((a) => (
          <li key={a.id} className="p-4">
            <Link href={`/agencies/${a.id}`} className="font-medium text-blue-800 underline">
              {locale === "en" ? a.nameEn : a.nameZh}
            </Link>
            <p className="mt-1 text-sm text-stone-600">{t("count", { count: a.notices })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
