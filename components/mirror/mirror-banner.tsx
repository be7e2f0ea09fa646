import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getPortalTime } from "../portal-time-server";
import type { MirrorInfo } from "@/lib/server/api/contract";

/**
 * On every public page of a mirror (app/[locale]/layout.tsx): whose copy this is and how far it
 * is verified, so that nobody takes a stale or refused copy for the origin. A landmark of its
 * own (the page's content stays in <main>); the refused warning stands out by colour, border and
 * the word "Warning", not by colour alone. The layout reads the mirror's status
 * (lib/server/mirror/mirror-info.ts); `info` is null when the database could not be read.
 */
export async function MirrorBanner({ origin, info }: { origin: string; info: MirrorInfo | null }) {
  const [t, format] = await Promise.all([getTranslations("mirror"), getPortalTime()]);
  const when = (iso: string) => format(iso, "dateTimeSeconds");
  let text: string;
  if (!info) text = t("unknown", { origin });
  else if (info.state === "refused") text = t("refused", { origin, size: info.size });
  else if (!info.verifiedAt) text = info.lastError && info.lastAttemptAt ? t("startingError", { origin, errorTime: when(info.lastAttemptAt) }) : t("starting", { origin });
  else if (info.state === "following") text = t("following", { origin, size: info.size, time: when(info.verifiedAt) });
  else if (info.lastError && info.lastAttemptAt) text = t("behindError", { origin, size: info.size, time: when(info.verifiedAt), errorTime: when(info.lastAttemptAt) });
  else text = t("behind", { origin, size: info.size, time: when(info.verifiedAt) });
  const refused = info?.state === "refused";
  const tone = refused
    ? "border-red-800 bg-red-50 text-red-950"
    : info?.state === "following"
      ? "border-stone-300 bg-stone-100 text-stone-800"
      : "border-amber-700 bg-amber-50 text-stone-900";
  return (
    <aside aria-label={t("bannerLabel")} data-testid="mirror-banner" data-state={info?.state ?? "unknown"} className={`border-y-2 ${tone}`}>
      <p className={`mx-auto max-w-4xl px-4 py-2 text-sm ${refused ? "font-semibold" : ""}`}>
        {text}{" "}
        <Link href="/mirror" className="text-red-800 underline underline-offset-2">
          {refused ? t("evidenceLink") : t("statusLink")}
        </Link>
      </p>
    </aside>
  );
}
