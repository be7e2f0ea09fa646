import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditFilters, type AuditFilterValues } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Link } from "@/i18n/navigation";
import { FieldError } from "@/lib/server/admin/field-error";
import { listAuditEvents, type AuditPage } from "@/lib/server/admin/list-audit-events";
import { AUDIT_ACTIONS } from "@/lib/server/audit/record-audit-event";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminAudit" });
  return { title: t("title") };
}

type Loaded = { page: AuditPage } | { error: { field: string; key: string } };

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const loaded = await guarded<Loaded>(locale, async (actor) => {
    try {
      return { page: await listAuditEvents(db(), actor, query) };
    } catch (error) {
      // A bad filter in the URL is shown next to its field, with what was typed still there.
      if (error instanceof FieldError && error.code === "bad-request") return { error: { field: error.field, key: error.messageKey } };
      throw error;
    }
  });
  const t = await getTranslations("adminAudit");
  const typed: AuditFilterValues = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string"));
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      <AuditFilters actions={AUDIT_ACTIONS} values={typed} error={"error" in loaded ? loaded.error : undefined} />
      {"page" in loaded && (
        <section aria-labelledby="audit-results" className="space-y-4">
          <h2 id="audit-results" className="text-lg font-semibold">
            {t("results", { total: loaded.page.total })}
          </h2>
          <AuditTable events={loaded.page.events} knownActions={AUDIT_ACTIONS} />
          <AuditPager page={loaded.page} />
        </section>
      )}
    </section>
  );
}

async function AuditPager({ page }: { page: AuditPage }) {
  if (page.pageCount <= 1) return null;
  const t = await getTranslations("adminAudit");
  const current = Math.min(page.filter.page, page.pageCount);
  const href = (to: number) => {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(page.filter)) if (key !== "page" && value !== undefined) query[key] = String(value);
    if (to > 1) query.page = String(to);
    return { pathname: "/admin/audit", query };
  };
  const link = "rounded border border-stone-400 bg-white px-3 py-1 text-red-800 underline";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
      {current > 1 && (
        <Link href={href(current - 1)} rel="prev" className={link}>
          {t("previous")}
        </Link>
      )}
      <span>{t("pageOf", { page: current, pageCount: page.pageCount })}</span>
      {current < page.pageCount && (
        <Link href={href(current + 1)} rel="next" className={link}>
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
