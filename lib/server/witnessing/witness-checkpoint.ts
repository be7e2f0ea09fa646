import "server-only";
/**
 * Brings one witness up to the log's newest checkpoint (C2SP tlog-witness add-checkpoint):
 * send it with a consistency proof from the size the witness last cosigned; on 409 take the
 * witness's size from the answer and resend (at most twice); store what it cosigns.
 *
 * Answers sort into three kinds. Success stores the cosignature. Failures that time or an
 * operator can fix (time-out, network, 5xx, 400/403/404: the witness does not know the log
 * yet) are retried at a later round with a bounded backoff. Evidence — a 422, a 409 naming a
 * size beyond the log or a different root at the same size, a 200 whose lines do not verify
 * under the witness's key — goes to the audit trail and is never retried into silence: this
 * checkpoint is not sent to the witness again, a newer one is.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatAddCheckpointRequest, parseSignatureLines, parseTlogSize, proveConsistency, TLOG_SIZE_CONTENT_TYPE, verifyCosignatures, type PolicyWitness } from "@/lib/core/log";
import { logHashReader } from "@/lib/server/log-service/tile-store";
import { postAddCheckpoint, WitnessUnreachableError, type WitnessAnswer } from "./post-add-checkpoint";
import { recordCosignature, recordWitnessError, recordWitnessEvidence, type WitnessId, type WitnessStatusRow } from "./witness-status-store";
import { addCheckpointUrl } from "./witness-policy";

export const MAX_RESENDS = 2;
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export interface Head {
  size: number;
  /** The signed checkpoint note, as stored (the log's signature only). */
  note: string;
}

export type WitnessOutcome =
  | { kind: "cosigned"; size: number }
  | { kind: "up-to-date"; size: number }
  | { kind: "no-url" }
  | { kind: "backing-off"; until: Date; lastError: string | null }
  /** It gave evidence about this checkpoint; it gets the next one. */
  | { kind: "holding-evidence"; size: number; lastError: string | null }
  | { kind: "error"; message: string }
  | { kind: "evidence"; message: string };

export interface WitnessOptions {
  now?: Date;
  /** `npm run log:witness` asks every witness, however recently it failed. */
  ignoreBackoff?: boolean;
  timeoutMs?: number;
}

export async function witnessCheckpoint(
  prisma: PrismaClient,
  witness: PolicyWitness,
  head: Head,
  status: WitnessStatusRow | undefined,
  options: WitnessOptions = {},
): Promise<WitnessOutcome> {
  const now = options.now ?? new Date();
  if (witness.url === null) return { kind: "no-url" };
  const id: WitnessId = { key: witness.verifier.cosignatureKey, name: witness.name };
  const cosigned = status?.cosignedSize ?? 0;
  if (status?.cosignedSize === head.size) return { kind: "up-to-date", size: head.size };
  if (status?.evidenceSize != null && status.evidenceSize >= head.size) return { kind: "holding-evidence", size: status.evidenceSize, lastError: status.lastError };
  if (!options.ignoreBackoff && status?.retryAt && status.retryAt > now) return { kind: "backing-off", until: status.retryAt, lastError: status.lastError };

  const fail = async (message: string): Promise<WitnessOutcome> => {
    const failures = Math.min((status?.failures ?? 0) + 1, 30);
    const delay = Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
    await recordWitnessError(prisma, id, message, failures, new Date(now.getTime() + delay));
    return { kind: "error", message };
  };
  const evidence = async (message: string, answer: WitnessAnswer, oldSize: number): Promise<WitnessOutcome> => {
    await recordWitnessEvidence(prisma, id, { size: head.size, message, answer: { ...answer, oldSize } });
    console.error(`witnessing: EVIDENCE from ${witness.name} about checkpoint ${head.size}: ${message}`);
    return { kind: "evidence", message };
  };

  // A record larger than the log would make "old" exceed the checkpoint; ask from 0 and let
  // the witness's 409 say where it stands (and whether that is evidence).
  let old = cosigned <= head.size ? cosigned : 0;
  const url = addCheckpointUrl(witness.url);
  const text = head.note.slice(0, head.note.lastIndexOf("\n\n") + 1);
  for (let attempt = 0; attempt <= MAX_RESENDS; attempt++) {
    const proof = old === 0 ? [] : await proveConsistency(old, head.size, logHashReader(prisma, head.size));
    let answer: WitnessAnswer;
    try {
      answer = await postAddCheckpoint(url, formatAddCheckpointRequest({ oldSize: old, proof, signedCheckpoint: head.note }), options.timeoutMs);
    } catch (e) {
      if (e instanceof WitnessUnreachableError) return fail(e.message);
      throw e;
    }
    const said = `HTTP ${answer.status}${answer.body ? `: ${oneLine(answer.body)}` : ""}`;
    if (answer.status === 200) {
      let lines;
      try {
        lines = parseSignatureLines(answer.body);
      } catch (e) {
        return evidence(`answered 200 without valid signature lines (${(e as Error).message})`, answer, old);
      }
      const { valid, invalid } = verifyCosignatures(text, lines, [witness.verifier]);
      const mine = valid[0];
      if (invalid.length > 0 || !mine) {
        return evidence(`answered 200 but its cosignature does not verify under its key ${witness.verifier.cosignatureKey}`, answer, old);
      }
      await recordCosignature(prisma, id, head.size, mine.line, mine.timestamp);
      return { kind: "cosigned", size: head.size };
    }
    if (answer.status === 409) {
      let size: number;
      try {
        if (answer.contentType.split(";")[0]!.trim().toLowerCase() !== TLOG_SIZE_CONTENT_TYPE) throw new Error(`content type "${answer.contentType}"`);
        size = parseTlogSize(answer.body);
      } catch (e) {
        return fail(`answered 409 without a ${TLOG_SIZE_CONTENT_TYPE} size (${(e as Error).message})`);
      }
      if (size > head.size) return evidence(`claims to have cosigned size ${size}, larger than the log's ${head.size}`, answer, old);
      if (size === old && old === head.size) return evidence(`holds a different root for size ${size} (a fork)`, answer, old);
      if (size === old) return fail(`answered 409 naming the size sent (${size}): not a conforming witness`);
      old = size;
      continue;
    }
    if (answer.status === 422) return evidence(`rejected the consistency proof from ${old} to ${head.size} (422): ${oneLine(answer.body)}`, answer, old);
    return fail(said);
  }
  return fail(`still answered 409 after ${MAX_RESENDS} resends`);
}

function oneLine(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 300);
}
