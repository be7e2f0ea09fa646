import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { DraftDiffPreview } from "@/components/editor/draft-diff-preview";
import { StaleDraftNotice } from "@/components/editor/stale-draft-notice";
import { loadDraftPage } from "@/lib/server/admin/load-draft-page";
import { rebaseDraftAction } from "@/lib/server/drafts/draft-actions";
import { RebaseForm } from "./rebase-form";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "editor" });
  return { title: t("editTitle") };
}

/**
 * Before a stale draft is rebased: what changed under the clerk, from the version the draft is
 * based on to the latest published one, and one button. A draft that is not stale goes back to
 * its editor.
 */
export default async function RebaseDraftPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("editor");
  const { draft, base, newer } = await loadDraftPage(locale, id);
  const latest = newer && base?.notice.versions.find((v) => v.version === newer.version);
  if (!newer || !base || !latest) redirect({ href: `/admin/drafts/${id}`, locale });
  const vars = { base: newer!.baseVersion, version: newer!.version };
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-700">
          {t(`kind.${draft.kind}`)}
          {draft.noticeId ? ` · ${draft.noticeId}` : ""}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t("stale.rebaseTitle", vars)}</h1>
        <StaleDraftNotice newer={newer!} draftId={draft.id} />
        <p>{t("stale.rebaseIntro", vars)}</p>
      </header>
      <DraftDiffPreview
        before={base!.version.fields}
        after={latest!.fields}
        beforeAttachments={base!.version.attachments}
        afterAttachments={latest!.attachments}
        baseVersion={newer!.baseVersion}
        title={t("stale.rebaseDiffTitle", vars)}
      />
      <RebaseForm action={rebaseDraftAction.bind(null, locale, draft.id)} revision={draft.revision} version={newer!.version} />
      <p>
        <Link href={`/admin/drafts/${draft.id}`} className="text-blue-800 underline">
          {t("backToEditor")}
        </Link>
      </p>
    </section>
  );
}
