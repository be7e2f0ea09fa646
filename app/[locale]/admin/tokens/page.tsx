import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { listApiTokens } from "@/lib/server/auth/tokens/list-api-tokens";
import { db } from "@/lib/server/db/client";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { ApiTokenTable } from "@/components/admin/api-token-table";
import { guarded } from "@/lib/server/admin/guard";
import { createTokenAction, revokeTokenAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminTokens" });
  return { title: t("title") };
}

/** Administrators manage each agency's API tokens (a token publishes for its agency); other roles get the 403 page. */
export default async function TokensPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const agencies = await guarded(locale, (actor) => listApiTokens(db(), actor));
  const t = await getTranslations("adminTokens");
  const format = await getFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : null);
  const agencyName = (a: { nameZh: string; nameEn: string }) => (locale === "en" ? a.nameEn : a.nameZh);
  const withTokens = agencies.filter((a) => a.tokens.length > 0);
  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      <section aria-labelledby="create-token" className="space-y-3">
        <h2 id="create-token" className="text-xl font-semibold">
          {t("createHeading")}
        </h2>
        <CreateTokenForm action={createTokenAction.bind(null, locale)} agencies={agencies.map((a) => ({ id: a.agency.id, name: agencyName(a.agency) }))} />
      </section>
      <section aria-labelledby="token-list" className="space-y-6">
        <h2 id="token-list" className="text-xl font-semibold">
          {t("listHeading")}
        </h2>
        {withTokens.length === 0 && <p>{t("none")}</p>}
        {withTokens.map((a) => (
          <ApiTokenTable
            key={a.agency.id}
            agencyId={a.agency.id}
            agencyName={agencyName(a.agency)}
            action={revokeTokenAction.bind(null, locale)}
            tokens={a.tokens.map((token) => ({
              id: token.id,
              label: token.label,
              prefix: token.prefix,
              publishDirectly: token.publishDirectly,
              createdAt: when(token.createdAt)!,
              createdBy: token.createdBy.name ?? token.createdBy.id,
              lastUsedAt: when(token.lastUsedAt),
              revokedAt: when(token.revokedAt),
              revokedBy: token.revokedBy ? (token.revokedBy.name ?? token.revokedBy.id) : null,
            }))}
          />
        ))}
      </section>
    </section>
  );
}
