import type { Metadata } from "next";
import { AdminTable } from "@/components/admin/admin-table";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { listAgenciesForAdmin } from "@/lib/server/admin/list-agencies-for-admin";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminAgencies" });
  return { title: t("title") };
}

export default async function AgenciesAdminPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const agencies = await guarded(locale, (actor) => listAgenciesForAdmin(db(), actor));
  const [t, format] = await Promise.all([getTranslations("adminAgencies"), getFormatter()]);
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <Link href="/admin/agencies/new" className="text-red-800 underline">
            {t("newAgency")}
          </Link>
        </p>
      </header>
      <AdminTable caption={t("title")} columns={[t("id"), t("nameZh"), t("nameEn"), t("clerks"), t("created")]}>
        {agencies.map((agency) => (
          <tr key={agency.id} className="border-b border-stone-200 align-top">
            <th scope="row" className="py-2 pr-4 font-normal">
              <Link href={`/admin/agencies/${agency.id}`} className="text-red-800 underline">
                {agency.id}
              </Link>
            </th>
            <td className="py-2 pr-4" lang="zh-CN">
              {agency.nameZh}
            </td>
            <td className="py-2 pr-4" lang="en">
              {agency.nameEn}
            </td>
            <td className="py-2 pr-4">{format.number(agency.clerkCount)}</td>
            <td className="py-2 pr-4">
              <time dateTime={agency.createdAt}>{format.dateTime(new Date(agency.createdAt), { dateStyle: "medium" })}</time>
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
