import { getTranslations } from "next-intl/server";
import { PortalTime } from "./portal-time";
import { Link } from "@/i18n/navigation";
import type { CheckpointDto } from "@/lib/server/api/contract";

/** One page of the checkpoint chain, newest first, each row linking to its signed note. */
export async function LogCheckpointChain({
  checkpoints,
  previousSizes,
  olderThan,
}: {
  checkpoints: CheckpointDto[];
  /** The size of the checkpoint before each one (0 before the first): its new entries start there. */
  previousSizes: number[];
  olderThan: number | null;
}) {
  const [t, tl] = await Promise.all([getTranslations("log"), getTranslations("logList")]);
  return (
    <>
      <ol className="space-y-3">
        {checkpoints.map((cp, i) => (
          <li key={cp.size} className="rounded border border-stone-300 bg-white p-3 text-sm" data-testid="checkpoint-row">
            <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">{t("checkpointSize")}</dt>
              <dd data-testid="checkpoint-size">{cp.size}</dd>
              <dt className="font-semibold">{t("time")}</dt>
              <dd>
                <PortalTime value={cp.createdAt} style="dateTimeSeconds" />
              </dd>
              <dt className="font-semibold">{t("rootHash")}</dt>
              <dd className="break-all font-mono">{cp.rootHash}</dd>
              <dt className="font-semibold">{t("prevHash")}</dt>
              <dd className="break-all font-mono">{cp.prevHash ?? t("none")}</dd>
            </dl>
            <p className="mt-2">
              {/* after=size-1&limit=1 selects exactly this checkpoint in the chain API. */}
              <a href={`/api/v1/log/checkpoints?${cp.size > 0 ? `after=${cp.size - 1}&` : ""}limit=1`} className="text-red-800 underline">
                {t("rawNote", { size: cp.size })}
              </a>
            </p>
            <p className="mt-1">
              <Link href={{ pathname: "/log/entries", query: { from: previousSizes[i] ?? 0, to: cp.size } }} className="text-red-800 underline" data-testid="checkpoint-entries">
                {tl("entriesOfCheckpoint", { size: cp.size })}
              </Link>
            </p>
          </li>
        ))}
      </ol>
      <nav aria-label={t("chain")} className="flex flex-wrap gap-4">
        {olderThan !== null && (
          <Link href={{ pathname: "/log", query: { before: olderThan } }} className="text-red-800 underline" rel="next">
            {t("older")}
          </Link>
        )}
        <Link href="/log" className="text-red-800 underline">
          {t("newest")}
        </Link>
      </nav>
    </>
  );
}
