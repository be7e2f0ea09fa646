import type { Metadata } from "next";
import { AdminTable } from "@/components/admin/admin-table";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ROLE_LABEL } from "@/components/admin/role-label";
import { Link } from "@/i18n/navigation";
import { listUsersForAdmin } from "@/lib/server/admin/list-users-for-admin";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminUsers" });
  return { title: t("title") };
}

export default async function UsersPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const users = await guarded(locale, (actor) => listUsersForAdmin(db(), actor));
  const [t, ta, format] = await Promise.all([getTranslations("adminUsers"), getTranslations("admin"), getFormatter()]);
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <Link href="/admin/users/new" className="text-red-800 underline">
            {t("newUser")}
          </Link>
        </p>
      </header>
      <AdminTable caption={t("title")} columns={[t("email"), t("name"), t("role"), t("agencies"), t("created")]}>
        {users.map((user) => (
          <tr key={user.id} className="border-b border-stone-200 align-top">
            <th scope="row" className="py-2 pr-4 font-normal">
              <Link href={`/admin/users/${user.id}`} className="text-red-800 underline">
                {user.email}
              </Link>
            </th>
            <td className="py-2 pr-4">{user.name}</td>
            <td className="py-2 pr-4">{user.role ? ta(ROLE_LABEL[user.role]) : t("disabled")}</td>
            <td className="py-2 pr-4">{user.agencyIds.length ? user.agencyIds.join(", ") : t("none")}</td>
            <td className="py-2 pr-4">
              <time dateTime={user.createdAt}>{format.dateTime(new Date(user.createdAt), { dateStyle: "medium" })}</time>
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
