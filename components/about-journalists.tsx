import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { csvUrl } from "@/lib/shared/feeds/csv-link";
import type { FeedLocale } from "@/lib/server/feeds/feed";
import { DEFAULT_SEARCH_PARAMS } from "@/lib/shared/search/search-params";

const linkClass = "text-blue-800 underline";

/** Commands are the same in every language; file names are examples (docs/proof-bundle.md, "CLI"). */
const COMMANDS = [
  "node gongshi-verify.mjs hp-planning.gongshi-proofs.json --key '<verifier key>'",
  "node gongshi-verify.mjs HP-PLAN-2026-003-v2.gongshi-proof.json --key '<verifier key>' --checkpoint checkpoint-i-kept.txt",
  "node gongshi-verify.mjs HP-PLAN-2026-003-v2.gongshi-proof.json --key '<verifier key>' --attachment 规划图.pdf",
];

/** The About page's section for journalists: the downloads and the offline gongshi-verify CLI. */
export function AboutJournalists() {
  const t = useTranslations("aboutJournalists");
  const locale = useLocale();
  const code = (chunks: React.ReactNode) => <code className="rounded bg-stone-100 px-1 font-mono text-sm">{chunks}</code>;
  const link = (href: string) => (chunks: React.ReactNode) => (
    <Link href={href} className={linkClass}>
      {chunks}
    </Link>
  );
  return (
    <section aria-labelledby="journalists" className="space-y-2" data-testid="about-journalists">
      <h2 id="journalists" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t.rich("intro", { code, notices: link("/notices"), agencies: link("/agencies") })}</p>
      <p>
        <a href={csvUrl(DEFAULT_SEARCH_PARAMS, locale as FeedLocale)} download className={linkClass}>
          {t("csvAll")}
        </a>
      </p>
      <p>{t.rich("tool", { code })}</p>
      {/* tabIndex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <pre tabIndex={0} aria-label={t("title")} className="overflow-x-auto rounded bg-stone-100 p-3 font-mono text-sm" data-testid="cli-usage">
        {COMMANDS.join("\n")}
      </pre>
      <ul className="list-disc space-y-1 ps-6">
        <li>{t.rich("key", { code })}</li>
        <li>{t.rich("checkpoint", { code, log: link("/log") })}</li>
        <li>{t.rich("attachment", { code })}</li>
      </ul>
      <p>{t("exit")}</p>
    </section>
  );
}
