/**
 * Verifying one notice version from the browser: fetch (fetch-version-proof.ts), choose the
 * checkpoint that meets the built-in witness policy (choose-checkpoint.ts), then run
 * lib/core/verify's six steps against the built-in log key and the checkpoint this browser kept,
 * download every attachment and check it against the log entry (attachment-check.ts), then
 * remember the new checkpoint. Network and computation are timed apart for
 * docs/performance.md.
 */
import {
  checkSignature,
  judgeKeptCheckpoint,
  leafAttachments,
  readCheckpoint,
  summarize,
  verifyNoticeVersion,
  type LogIdentityInput,
  type SplitVerdict,
  type StepResult,
  type WithheldField,
} from "@/lib/core/verify";
import type { WitnessPolicy } from "@/lib/core/log";
import { judgeAttachment, type AttachmentOutcome } from "./attachment-check";
import { forgetKeptCheckpoint, loadKeptCheckpoint, saveKeptCheckpoint } from "./checkpoint-store";
import type { WitnessWait } from "./choose-checkpoint";
import { digestOfDownload } from "./download-attachment";
import { attachmentUrl, fetchConsistencyProof, fetchInclusion, fetchShownVersion, FetchFailure, type CommittedVersion } from "./fetch-version-proof";
import { FIRST_POLL_MS, MAX_POLL_MS, sleep } from "./poll";
import { checkWitnessedHead, waitForWitnesses } from "./witnessed-head";

export type Phase = "notice" | "waiting" | "proof" | "witnesses" | "consistency" | "attachments" | "checking";
/** `wait` comes with the "witnesses" phase: who cosigned the newest checkpoint and who has not. */
export type OnPhase = (phase: Phase, wait?: WitnessWait) => void;
/** During the "attachments" phase: bytes of attachment `position` received so far, of `total` committed in the log. */
export type OnAttachmentProgress = (position: number, name: string, received: number, total: number) => void;

export interface Timing {
  networkMs: number;
  computeMs: number;
}

export interface OnlineOutcome {
  version: number;
  results: StepResult[];
  withheld: WithheldField[];
  /** Set when the server has shown two histories: both signed notes, verbatim, as evidence. */
  split: SplitVerdict | null;
  /** The earlier checkpoint this browser kept, if any (size only, for the text). */
  keptSize: number | null;
  /** Every attachment the log entry commits to, downloaded and checked, in leaf order. */
  attachments: AttachmentOutcome[];
  agencyName: CommittedVersion["agencyName"];
  /** The log time of the version as shown (the content step checks it against the leaf). */
  loggedAt: string | null;
  timing: Timing;
}

/**
 * A version not yet covered by a signed checkpoint cannot be verified yet; poll with
 * exponential backoff (the committer runs every few seconds) until it is.
 */
async function waitForCommitted(noticeId: string, version: number | undefined, onPhase: OnPhase, timing: Timing, signal?: AbortSignal): Promise<CommittedVersion> {
  for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const started = performance.now();
    const shown = await fetchShownVersion(noticeId, version, signal);
    timing.networkMs += performance.now() - started;
    if (shown !== "pending") return shown;
    onPhase("waiting");
    await sleep(delay, signal);
  }
}

/** The kept checkpoint if it still verifies under the built-in key (a key rotation or a stray script voids it). */
function usableKeptCheckpoint(log: LogIdentityInput): string | null {
  const kept = loadKeptCheckpoint(log.origin);
  if (kept === null) return null;
  if (checkSignature(kept, log).status === "ok") return kept;
  forgetKeptCheckpoint(log.origin);
  return null;
}

export interface Trust {
  log: LogIdentityInput;
  /** The witness policy built into the page; null: no witness requirement. */
  policy: WitnessPolicy | null;
}

export async function verifyOnline(
  noticeId: string,
  version: number | undefined,
  trust: Trust,
  onPhase: OnPhase,
  signal?: AbortSignal,
  onAttachment: OnAttachmentProgress = () => {},
): Promise<OnlineOutcome> {
  const { log, policy } = trust;
  const timing: Timing = { networkMs: 0, computeMs: 0 };
  onPhase("notice");
  const { shown, index, agencyName } = await waitForCommitted(noticeId, version, onPhase, timing, signal);

  onPhase("proof");
  const head = await waitForWitnesses(index, trust, onPhase, timing, signal);
  let started = performance.now();
  const proof = await fetchInclusion(index, head.checkpoint, signal);
  timing.networkMs += performance.now() - started;

  const kept = usableKeptCheckpoint(log);
  const keptSize = kept === null ? null : (readCheckpoint(kept)?.size ?? null);
  const currentSize = readCheckpoint(proof.checkpoint)?.size ?? null;
  const newestSize = readCheckpoint(head.newest)?.size ?? null;
  let consistencyProof: string[] | null | undefined;
  let newestProof: string[] | null = null;
  const needKeptProof = keptSize !== null && currentSize !== null && keptSize !== currentSize;
  const needNewestProof = head.witnessed && currentSize !== null && newestSize !== null && newestSize > currentSize;
  if (needKeptProof || needNewestProof) {
    onPhase("consistency");
    started = performance.now();
    [consistencyProof, newestProof] = await Promise.all([
      needKeptProof ? fetchConsistencyProof(Math.min(keptSize, currentSize), Math.max(keptSize, currentSize), signal) : undefined,
      needNewestProof ? fetchConsistencyProof(currentSize, newestSize, signal) : null,
    ]);
    timing.networkMs += performance.now() - started;
  }

  onPhase("attachments");
  started = performance.now();
  const attachments = await checkAttachments(noticeId, shown, proof.entry.leaf, onAttachment, signal);
  timing.networkMs += performance.now() - started;

  onPhase("checking");
  started = performance.now();
  const steps = verifyNoticeVersion({
    shown,
    entry: proof.entry,
    inclusionProof: proof.inclusionProof,
    checkpoint: proof.checkpoint,
    log,
    ...(policy ? { policy } : {}),
    ...(kept === null ? {} : { earlier: { checkpoint: kept, ...(consistencyProof ? { proof: consistencyProof } : {}) } }),
  });
  const judged =
    kept === null ? { results: steps, split: null } : judgeKeptCheckpoint({ kept, current: proof.checkpoint, log, proof: consistencyProof, ...(policy ? { policy } : {}) }, steps);
  const results = judged.results;
  let split = judged.split;
  if (head.witnessed && policy) split = checkWitnessedHead(results, proof.checkpoint, head.newest, newestProof, log, policy) ?? split;
  timing.computeMs = performance.now() - started;

  const verdict = summarize(results);
  // Only a fully verified head is kept — one that meets the witness quorum, when the page has
  // a policy — and never a smaller one: the kept head is the promise every later visit holds
  // the log to.
  if (verdict.ok && split === null && currentSize !== null && (keptSize === null || currentSize >= keptSize)) {
    saveKeptCheckpoint(log.origin, proof.checkpoint);
  }
  const content = results.find((r) => r.step === "content");
  return { version: shown.version, results, withheld: content?.withheld ?? [], split, keptSize, timing, attachments, agencyName, loggedAt: shown.loggedAt ?? null };
}

/**
 * Downloads every attachment the log entry commits to (not the ones the page lists: a file
 * dropped from the list must not drop out of the check) and compares its bytes with the entry.
 * A leaf that cannot be read has no attachments to check; the content step fails on it.
 */
async function checkAttachments(
  noticeId: string,
  shown: CommittedVersion["shown"],
  leaf: string,
  onAttachment: OnAttachmentProgress,
  signal: AbortSignal | undefined,
): Promise<AttachmentOutcome[]> {
  const committed = leafAttachments(leaf)?.attachments ?? [];
  return Promise.all(
    committed.map(async (a, position) => {
      const name = shown.attachments[position]?.name ?? "";
      onAttachment(position, name, 0, a.size);
      try {
        const received = await digestOfDownload(attachmentUrl(noticeId, shown.version, position), a.size, (n) => onAttachment(position, name, n, a.size), signal);
        return judgeAttachment(position, name, a, received);
      } catch (e) {
        if (e instanceof FetchFailure) return judgeAttachment(position, name, a, null);
        throw e;
      }
    }),
  );
}
