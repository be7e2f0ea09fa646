/**
 * The one sentence a visitor reads first: what the verification means for this notice, not
 * which step of the proof ran. Decided here from the step results and the attachment checks
 * (pure, so it is tested on real results); components/verify/plain-verdict.tsx words it.
 *
 * A failed step wins over an attachment that differs: once the notice itself cannot be tied
 * to the log, its files say nothing more. Waiting for witnesses is not a failure, but an
 * attachment that differs is, whatever the witnesses do.
 */
import type { StepName, StepResult } from "@/lib/core/verify";
import type { AttachmentOutcome } from "./attachment-check";

/** What part of the notice a mismatched commitment path stands for, in a visitor's words. */
export type MismatchPart =
  { part: "title" | "body" | "identity" | "attachmentList" } | { part: "field"; name: string } | { part: "attachmentName" | "attachmentFile"; position: number };

export type PlainVerdict =
  | { kind: "pending" }
  /** witnesses: how many independent witnesses confirmed the checkpoint; null when the page requires none. */
  | { kind: "verified"; witnesses: number | null; attachments: number }
  | { kind: "waiting"; k: number; n: number }
  | { kind: "failed"; reason: "content"; parts: MismatchPart[] }
  | { kind: "failed"; reason: Exclude<StepName, "content"> }
  | { kind: "failed"; reason: "attachment-differs" | "attachment-unreachable"; files: AttachmentOutcome[] };

const IDENTITY = new Set(["notice", "agency", "version", "kind", "loggedAt"]);

/** Commitment paths (as the content step reports them) as parts of the notice, each once, in order. */
export function mismatchParts(paths: readonly string[]): MismatchPart[] {
  const out: MismatchPart[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const part = partOf(path);
    const key = JSON.stringify(part);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(part);
  }
  return out;
}

function partOf(path: string): MismatchPart {
  if (path === "title" || path === "body") return { part: path };
  if (IDENTITY.has(path)) return { part: "identity" };
  const attachment = /^attachments\/(\d+)(?:\/(name|sha256|size))?$/.exec(path);
  if (attachment) {
    if (attachment[2] === undefined) return { part: "attachmentList" };
    return { part: attachment[2] === "name" ? "attachmentName" : "attachmentFile", position: Number(attachment[1]) };
  }
  return { part: "field", name: path };
}

/**
 * `done`: the verification finished (results and attachments are final). While it runs, a
 * step that already failed is reported at once; anything else is "pending".
 */
export function plainVerdict(results: readonly StepResult[] | null, attachments: readonly AttachmentOutcome[] | null, done: boolean): PlainVerdict {
  const failed = results?.find((r) => r.status === "failed");
  if (failed) {
    if (failed.step === "content") return { kind: "failed", reason: "content", parts: mismatchParts(failed.fields ?? []) };
    return { kind: "failed", reason: failed.step };
  }
  if (!done || !results) return { kind: "pending" };
  const differs = (attachments ?? []).filter((a) => a.status === "differs");
  if (differs.length > 0) return { kind: "failed", reason: "attachment-differs", files: differs };
  const unreachable = (attachments ?? []).filter((a) => a.status === "unreachable");
  if (unreachable.length > 0) return { kind: "failed", reason: "attachment-unreachable", files: unreachable };
  const witnesses = results.find((r) => r.step === "witnesses");
  const counted = (witnesses?.witnesses ?? []).filter((w) => w.status !== "unknown" && w.counts !== false);
  const cosigned = counted.filter((w) => w.status === "verified").length;
  if (witnesses?.status === "waiting") return { kind: "waiting", k: cosigned, n: counted.length };
  const required = witnesses?.status === "ok" && witnesses.code.startsWith("quorum-met");
  return { kind: "verified", witnesses: required ? cosigned : null, attachments: attachments?.length ?? 0 };
}
