import { useLocale, useTranslations } from "next-intl";
import { usePortalTime } from "@/components/portal-time";
import type { AttachmentOutcome } from "@/lib/browser/verify/attachment-check";
import type { MismatchPart, PlainVerdict } from "@/lib/browser/verify/plain-verdict";
import { useNameList } from "./verify-steps";

/** What the verdict sentence names: the agency (in the page's language) and the version's log time. */
export interface VerdictSubject {
  agencyName: { zh: string; en: string };
  loggedAt: string | null;
}

const TONE = {
  ok: "border-green-800 bg-green-50 text-green-900",
  failed: "border-red-800 bg-red-50 text-red-900",
  waiting: "border-amber-800 bg-amber-50 text-amber-950",
  pending: "border-stone-400 bg-stone-50 text-stone-900",
} as const;
const MARK = { ok: "✓", failed: "✗", waiting: "⏳", pending: "…" } as const;

/** The attachment's shown name in quotes, or "attachment n (name withheld)". */
export function useAttachmentLabel(): (a: Pick<AttachmentOutcome, "name" | "position">) => string {
  const t = useTranslations("verify.plain");
  const tn = useTranslations("notice");
  return (a) => (a.name ? t("fileName", { name: a.name }) : tn("nameWithheld", { position: a.position + 1 }));
}

/**
 * The verdict in one sentence, in large type, before any technical detail: what it means for
 * the notice (or exactly what failed, in plain words). `error`: the check could not run at all.
 */
export function PlainVerdictView({ verdict, subject, error }: { verdict: PlainVerdict; subject: VerdictSubject | null; error?: string }) {
  const t = useTranslations("verify.plain");
  const tn = useTranslations("notice");
  const time = usePortalTime();
  const locale = useLocale();
  const list = useNameList();
  const label = useAttachmentLabel();
  const part = (p: MismatchPart): string => {
    if (p.part === "field") return tn.has(`field.${p.name}`) ? t("part.field", { name: tn(`field.${p.name}`) }) : t("part.field", { name: p.name });
    if (p.part === "attachmentName" || p.part === "attachmentFile") return t(`part.${p.part}`, { n: p.position + 1 });
    return t(`part.${p.part}`);
  };
  const agency = subject ? (locale === "en" ? subject.agencyName.en : subject.agencyName.zh) : "";
  const date = subject?.loggedAt ? time(subject.loggedAt, "date") : "";

  let tone: keyof typeof TONE;
  let sentence: string;
  let more: string | null = null;
  if (error !== undefined) {
    tone = "failed";
    sentence = t("error", { reason: error });
  } else if (verdict.kind === "pending") {
    tone = "pending";
    sentence = t("pending");
  } else if (verdict.kind === "waiting") {
    tone = "waiting";
    sentence = t("waiting", { k: verdict.k, n: verdict.n });
  } else if (verdict.kind === "verified") {
    tone = "ok";
    sentence = verdict.witnesses === null ? t("verifiedNoWitnesses", { agency, date }) : t("verified", { agency, date, k: verdict.witnesses });
    more = t("attachmentsChecked", { count: verdict.attachments });
  } else {
    tone = "failed";
    if (verdict.reason === "content") sentence = t("failed.content", { parts: list(verdict.parts.map(part)) });
    else if (verdict.reason === "attachment-differs" || verdict.reason === "attachment-unreachable") {
      sentence = t(`failed.${verdict.reason}`, { count: verdict.files.length, names: list(verdict.files.map(label)) });
    } else sentence = t(`failed.${verdict.reason}`);
  }
  return (
    <div className={`space-y-1 rounded border-s-4 p-3 ${TONE[tone]}`} data-testid="verify-plain-verdict" data-verdict={error !== undefined ? "error" : verdict.kind}>
      <p className="text-xl leading-snug font-bold sm:text-2xl">
        <span aria-hidden="true">{MARK[tone]} </span>
        {sentence}
      </p>
      {more && <p className="text-base">{more}</p>}
    </div>
  );
}
