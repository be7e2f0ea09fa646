import { useLocale, useTranslations } from "next-intl";
import { DiffLegend, FieldChangeContent } from "@/components/notice-diff-view";
import { humanSize } from "@/components/notice-format";
import { diffAttachments, diffFields } from "@/lib/shared/notices/version-diff";
import { withCategoryLabel } from "@/lib/shared/categories/vocabulary";

type Facts = { fileName: string; sha256: string; size: number };

/**
 * What publishing this draft would change, against the version it starts from: fields word
 * by word and the body as rendered blocks (the public diff page's rules and markup),
 * attachments by name and digest.
 */
export function DraftDiffPreview({
  before,
  after,
  beforeAttachments,
  afterAttachments,
  baseVersion,
  title,
}: {
  before: Record<string, string>;
  after: Record<string, string>;
  beforeAttachments: Facts[];
  afterAttachments: Facts[];
  baseVersion: number;
  /** A heading other than "changes against the current version" (the rebase page's). */
  title?: string;
}) {
  const t = useTranslations("editor");
  const tn = useTranslations("notice");
  const locale = useLocale();
  const lang = after.language ?? before.language;
  const fields = diffFields(withCategoryLabel(before, locale), withCategoryLabel(after, locale), lang).filter((f) => f.change !== "same");
  const attachments = diffAttachments(beforeAttachments, afterAttachments).filter((a) => a.change !== "same");
  const label = (name: string) => (tn.has(`field.${name}`) ? tn(`field.${name}`) : name);
  return (
    <section aria-labelledby="diff-heading" className="space-y-3" data-testid="diff-preview">
      <h2 id="diff-heading" className="text-xl font-semibold">
        {title ?? t("diffTitle", { version: baseVersion })}
      </h2>
      <DiffLegend />
      {fields.length === 0 && attachments.length === 0 && <p>{t("noChanges")}</p>}
      {fields.map((f) => (
        <div key={f.name} className="rounded border border-stone-300 bg-white p-3" data-field={f.name} data-change={f.change}>
          <h3 className="font-semibold">
            {label(f.name)} <span className="text-sm font-normal text-stone-700">({t(f.change)})</span>
          </h3>
          <FieldChangeContent change={f} lang={lang} />
        </div>
      ))}
      {attachments.length > 0 && (
        <ul className="space-y-2 text-sm">
          {attachments.map((a) => (
            <li key={a.fileName} className="rounded border border-stone-300 bg-white p-3">
              <span className="font-medium">{a.fileName}</span> ({t(a.change)})
              {a.after && (
                <>
                  {" "}
                  · {humanSize(a.after.size, locale)} · SHA-256 <code className="break-all font-mono text-xs">{a.after.sha256}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
