import { humanSize } from "@/components/notice-format";
import type { DraftAttachmentDto } from "@/lib/server/drafts/draft-dto";

interface Labels {
  fileName: string;
  size: string;
  sha256: string;
  remove: string;
  removeLabel: (name: string) => string;
  none: string;
  caption: string;
}

/**
 * The files stored in a draft, with what a citizen will later check them by (size, SHA-256).
 * Each remove button submits the surrounding form (so what was typed is saved with it).
 */
export function DraftAttachmentList({ attachments, locale, labels, disabled }: { attachments: DraftAttachmentDto[]; locale: string; labels: Labels; disabled?: boolean }) {
  if (attachments.length === 0) return <p className="text-stone-700">{labels.none}</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={labels.caption}>
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{labels.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
              {labels.fileName}
            </th>
            <th scope="col" className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
              {labels.size}
            </th>
            <th scope="col" className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
              {labels.sha256}
            </th>
            <th scope="col" className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
              <span className="sr-only">{labels.remove}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((a) => (
            <tr key={a.id} data-testid="draft-attachment">
              <td className="border border-stone-300 px-2 py-1 break-all">{a.fileName}</td>
              <td className="border border-stone-300 px-2 py-1 whitespace-nowrap">{humanSize(a.size, locale)}</td>
              <td className="border border-stone-300 px-2 py-1">
                <code className="break-all font-mono text-xs" data-testid="attachment-sha256">
                  {a.sha256}
                </code>
              </td>
              <td className="border border-stone-300 px-2 py-1">
                <button
                  type="submit"
                  name="removeAttachment"
                  value={a.id}
                  disabled={disabled}
                  aria-label={labels.removeLabel(a.fileName)}
                  className="rounded border border-stone-700 px-2 py-1"
                >
                  {labels.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
