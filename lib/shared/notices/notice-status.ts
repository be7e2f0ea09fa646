/**
 * The banners a notice page shows above one version: what happened to the notice since it
 * was first published, and anything a reader must know about the version in front of them.
 * Pure, so every combination can be tested without a database.
 */
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { versionReason, type VersionReason } from "./reason-fields";

export type VersionFacts = Pick<NoticeVersionDto, "version" | "kind" | "createdAt" | "fields" | "status" | "withheld">;

export type NoticeBanner =
  /** A later version exists: the reader is looking at history. */
  | { type: "superseded"; viewed: number; current: number; currentKind: string; at: string }
  /** The notice is withdrawn; earlier versions stay readable (`lastContent` is the last one with content). */
  | { type: "retracted"; version: number; at: string; reason: VersionReason | null; lastContent: number | null }
  /** The latest change of content, why it was made, and the pair of versions whose diff shows it. */
  | { type: "amended" | "corrected"; version: number; at: string; from: number; reason: VersionReason | null }
  /**
   * The viewed version is itself an amendment or correction, no longer the latest: why it was
   * made (its permalink is what gets cited, so its reason is shown there too).
   */
  | { type: "revisedBy"; kind: "amend" | "correct"; version: number; reason: VersionReason }
  /** A field of the viewed version no longer served, on the basis a redact log entry states. */
  | { type: "withheld"; path: string; basis: string; at: string; logIndex: number | null }
  /** The viewed version is stored but no signed checkpoint covers it yet. */
  | { type: "pending"; version: number };

const CHANGE_TYPE = { amend: "amended", correct: "corrected" } as const;

/**
 * Banners for viewing version `viewed` of a notice, most important first.
 * Requires `versions` ordered by version, non-empty, and containing `viewed`.
 */
export function noticeBanners(versions: readonly VersionFacts[], viewed: number): NoticeBanner[] {
  const latest = versions.at(-1);
  const shown = versions.find((v) => v.version === viewed);
  if (!latest || !shown) throw new RangeError(`version ${viewed} is not among the ${versions.length} versions`);
  const banners: NoticeBanner[] = [];
  if (latest.kind === "retract") {
    const lastContent = versions.findLast((v) => v.kind !== "retract")?.version ?? null;
    banners.push({ type: "retracted", version: latest.version, at: latest.createdAt, reason: versionReason(latest.fields), lastContent });
  }
  if (shown.version < latest.version) {
    banners.push({ type: "superseded", viewed: shown.version, current: latest.version, currentKind: latest.kind, at: latest.createdAt });
    const reason = versionReason(shown.fields);
    if ((shown.kind === "amend" || shown.kind === "correct") && reason) banners.push({ type: "revisedBy", kind: shown.kind, version: shown.version, reason });
  } else {
    const change = versions.findLast((v) => v.kind === "amend" || v.kind === "correct");
    if (change && change.version > 1) {
      banners.push({
        type: CHANGE_TYPE[change.kind as keyof typeof CHANGE_TYPE],
        version: change.version,
        at: change.createdAt,
        from: change.version - 1,
        reason: versionReason(change.fields),
      });
    }
  }
  for (const w of shown.withheld) banners.push({ type: "withheld", path: w.path, basis: w.basis, at: w.at, logIndex: w.logIndex });
  if (shown.status === "pending") banners.push({ type: "pending", version: shown.version });
  return banners;
}
