import { useTranslations } from "next-intl";
import type { SplitEvidence, SplitVerdict } from "@/lib/core/verify";
import { readCheckpoint } from "@/lib/core/verify";
import { downloadText } from "@/lib/browser/verify/download";
import { useNameList } from "./verify-steps";

/**
 * The strongest thing the verifier can find: two checkpoints, both signed with the log key,
 * that cannot both be true. The signed notes are offered verbatim, so anyone can check them
 * later with the public key alone.
 */
export function TwoHistoriesWarning({ evidence }: { evidence: SplitVerdict }) {
  const t = useTranslations("verify.split");
  const older = readCheckpoint(evidence.older);
  const newer = readCheckpoint(evidence.newer);
  const save = (note: string, size: number | undefined, which: string) =>
    downloadText(`${evidence.origin.replace(/[^A-Za-z0-9.-]+/g, "_")}-checkpoint-${size ?? "unknown"}-${which}.txt`, note);
  return (
    <div role="alert" className="space-y-2 rounded border-4 border-red-800 bg-red-50 p-4 text-red-950" data-testid="two-histories">
      <h3 className="text-lg font-bold">
        <span aria-hidden="true">⚠ </span>
        {t("title")}
      </h3>
      <p>{t("body")}</p>
      <p>{t.has(evidence.reason) ? t(evidence.reason, { size: older?.size ?? 0 }) : evidence.reason}</p>
      {evidence.cosigners && <WitnessWeight evidence={evidence} older={older?.size ?? 0} newer={newer?.size ?? 0} />}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="rounded border border-red-800 bg-white px-3 py-1 font-medium" onClick={() => save(evidence.older, older?.size, "a")}>
          {t("downloadOlder", { size: older?.size ?? 0 })}
        </button>
        <button type="button" className="rounded border border-red-800 bg-white px-3 py-1 font-medium" onClick={() => save(evidence.newer, newer?.size, "b")}>
          {t("downloadNewer", { size: newer?.size ?? 0 })}
        </button>
      </div>
    </div>
  );
}

/** Who vouched for which history: a cosigned side is what the witnesses saw; a witness on both sides broke its promise too. */
function WitnessWeight({ evidence, older, newer }: { evidence: SplitEvidence; older: number; newer: number }) {
  const t = useTranslations("verify.split");
  const list = useNameList();
  const c = evidence.cosigners!;
  return (
    <ul className="ms-4 list-disc" data-testid="two-histories-witnesses">
      <li>{t("cosignedBy", { size: older, names: list(c.older), count: c.older.length })}</li>
      <li>{t("cosignedBy", { size: newer, names: list(c.newer), count: c.newer.length })}</li>
      {(evidence.witnessesOnBoth?.length ?? 0) > 0 && <li>{t("witnessesOnBoth", { names: list(evidence.witnessesOnBoth!) })}</li>}
    </ul>
  );
}
