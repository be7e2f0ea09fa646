import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { effectiveValue } from "@/lib/shared/notices/effective-fields";
import { versionReason } from "@/lib/shared/notices/reason-fields";
import { VersionReasonText } from "./notice-banners";
import { withCategoryLabel } from "@/lib/shared/categories/vocabulary";
import type { NoticeDto, NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { diffAttachments, diffFields, type DiffSegment, type FieldChange } from "@/lib/shared/notices/version-diff";
import { BodyDiffView, ChangeMark, DEL_CLASS, INS_CLASS, MOVED_CLASS } from "./body-diff-view";
import { humanSize } from "./notice-format";
import { PortalTime } from "./portal-time";
import { NoticeHistory } from "./notice-history";

/**
 * Insertions and deletions are told apart by underline vs. strike-through and by the
 * screen-reader words around each, not by colour alone (WCAG 1.4.1).
 */
export function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.op === "same" ? (
          <span key={i}>{s.text}</span>
        ) : (
          <ChangeMark key={i} op={s.op}>
            {s.text}
          </ChangeMark>
        ),
      )}
    </>
  );
}

/** What each mark means, in words (the marks differ by more than colour). */
export function DiffLegend() {
  const td = useTranslations("notice.diff");
  return (
    <p className="text-sm leading-relaxed">
      {td("legend")} <ins className={INS_CLASS}>{td("legendIns")}</ins> · <del className={DEL_CLASS}>{td("legendDel")}</del> ·{" "}
      <span className={`inline-block px-1 ${MOVED_CLASS}`}>{td("legendMoved")}</span>
    </p>
  );
}

/** One changed field's content: a Markdown field as rendered blocks, any other as words. */
export function FieldChangeContent({ change, lang }: { change: FieldChange; lang?: string }) {
  if ("blocks" in change) return <BodyDiffView blocks={change.blocks} lang={lang} />;
  if (change.change === "changed") {
    return (
      <p lang={lang} className="mt-2 whitespace-pre-wrap break-words leading-relaxed">
        <Segments segments={change.segments} />
      </p>
    );
  }
  if (change.change === "added" || change.change === "removed") {
    return (
      <p lang={lang} className="mt-2 whitespace-pre-wrap break-words leading-relaxed">
        <Segments segments={[{ op: change.change === "added" ? "ins" : "del", text: change.value }]} />
      </p>
    );
  }
  return null;
}

export function NoticeDiffView({ notice, from, to, title }: { notice: NoticeDto; from: NoticeVersionDto; to: NoticeVersionDto; title: string }) {
  const t = useTranslations("notice");
  const td = useTranslations("notice.diff");
  const tk = useTranslations("kind");
  const locale = useLocale();
  const lang = effectiveValue(notice.versions, to.version, "language");
  const fields = diffFields(withCategoryLabel(from.fields, locale), withCategoryLabel(to.fields, locale), lang);
  const attachments = diffAttachments(from.attachments, to.attachments);
  // Why the newer version was made: not a change of the notice, so stated above the changes.
  const toReason = to.version > from.version && (to.kind === "amend" || to.kind === "correct" || to.kind === "retract") ? versionReason(to.fields) : null;
  const label = (name: string) => (t.has(`field.${name}`) ? t(`field.${name}`) : name);
  const versionLink = (v: NoticeVersionDto) => (
    <Link href={`/n/${notice.id}/v/${v.version}`} className="text-blue-800 underline">
      {t("version", { version: v.version })} · {tk(v.kind)} · <PortalTime value={v.createdAt} style="date" />
    </Link>
  );
  return (
    <article className="notice-page space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-stone-700">{locale === "en" ? notice.agency.nameEn : notice.agency.nameZh}</p>
        <h1 className="text-2xl font-bold break-words">
          {td("heading")}: <span lang={lang}>{title}</span>
        </h1>
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium text-stone-700">{td("from")}</dt>
          <dd>{versionLink(from)}</dd>
          <dt className="font-medium text-stone-700">{td("to")}</dt>
          <dd>{versionLink(to)}</dd>
        </dl>
        {toReason && (
          <div role="note" data-banner="reason" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            <VersionReasonText reason={toReason} label={to.kind as "amend" | "correct" | "retract"} />
          </div>
        )}
        <DiffLegend />
        {from.version === to.version && <p role="note">{td("sameVersion")}</p>}
      </header>
      <section aria-labelledby="field-changes" className="space-y-4">
        <h2 id="field-changes" className="text-xl font-semibold">
          {td("fields")}
        </h2>
        {fields.map((f) => (
          <div key={f.name} className="rounded border border-stone-300 bg-white p-3" data-field={f.name} data-change={f.change}>
            <h3 className="font-semibold">
              {label(f.name)} <span className="text-sm font-normal text-stone-700">({td(f.change)})</span>
            </h3>
            <FieldChangeContent change={f} lang={lang} />
            {f.change === "same" && f.name !== "body" && (
              <p lang={lang} className="mt-2 break-words text-stone-700">
                {f.value}
              </p>
            )}
          </div>
        ))}
      </section>
      {attachments.length > 0 && (
        <section aria-labelledby="attachment-changes" className="space-y-2">
          <h2 id="attachment-changes" className="text-xl font-semibold">
            {t("attachments")}
          </h2>
          <ul className="space-y-2 text-sm">
            {attachments.map((a) => (
              <li key={a.fileName} className="rounded border border-stone-300 bg-white p-3">
                <span lang={lang} className="font-medium">
                  {a.fileName}
                </span>{" "}
                ({td(a.change)})
                {(["before", "after"] as const).map((side) => {
                  const facts = a[side];
                  return facts ? (
                    <p key={side} className="mt-1">
                      {td(side)}: {humanSize(facts.size, locale)} · SHA-256 <code className="break-all font-mono text-xs">{facts.sha256}</code>
                    </p>
                  ) : null;
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <NoticeHistory noticeId={notice.id} versions={notice.versions} from={from.version} to={to.version} />
    </article>
  );
}
