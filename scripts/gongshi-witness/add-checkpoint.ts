/**
 * POST /add-checkpoint after the body is read: the C2SP tlog-witness decision
 * (lib/core/log/witness-check.ts) made while holding the log's lock, so that checking the old size
 * and recording the new checkpoint are one step; the record is on disk before the
 * cosignature leaves the process.
 */
import { formatTlogSize, openAddCheckpoint, checkAddCheckpoint, TLOG_SIZE_CONTENT_TYPE, type CosignatureSigner } from "@/lib/core/log";
import type { WitnessStore } from "./store";

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  /** One line for the request log: outcome and reason, never the key or the body. */
  readonly summary: string;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task for the same key has finished. */
function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(task, task);
  const tail = result.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

export async function addCheckpoint(body: string, store: WitnessStore, signer: CosignatureSigner, alert: (line: string) => void): Promise<Answer> {
  const opened = openAddCheckpoint(body, (origin) => store.keysFor(origin));
  if (opened.status !== "signed") {
    const origin = "origin" in opened ? ` origin=${JSON.stringify(opened.origin)}` : "";
    return { status: opened.status, body: opened.reason + "\n", summary: `${opened.status}${origin}: ${opened.reason}` };
  }
  const { origin, signed } = opened;
  const what = `origin=${JSON.stringify(origin)} old=${signed.request.oldSize} size=${signed.checkpoint.size}`;
  return serialized(origin, async (): Promise<Answer> => {
    const latest = store.latest(origin);
    const decision = checkAddCheckpoint(signed, latest);
    switch (decision.status) {
      case 200: {
        const cosignature = signer.cosign(signed.text, Math.floor(Date.now() / 1000));
        if (decision.advances) {
          // Signed before the record is written, but not sent until it is: a cosignature
          // that never leaves the process promises nothing.
          const logLines = signed.logSignatures.map((s) => `\u2014 ${s.name} ${s.base64}\n`).join("");
          await store.record(origin, signed.checkpoint.size, signed.checkpoint.rootHash, `${signed.text}\n${logLines}${cosignature}`);
        }
        return { status: 200, body: cosignature, contentType: "text/plain; charset=utf-8", summary: `200 ${what}: cosigned` };
      }
      case 400:
        return { status: 400, body: decision.reason + "\n", summary: `400 ${what}: ${decision.reason}` };
      case 409: {
        let summary = `409 ${what}: ${decision.reason}`;
        if (decision.fork) {
          const kept = await keep(store, "fork", origin, signed.request.signedCheckpoint, evidence("fork", decision.reason, latest?.note, body), alert);
          alert(
            `FORK of ${JSON.stringify(origin)} at size ${signed.checkpoint.size}: the log signed two different roots; evidence in evidence/${kept ?? "(already kept, or see above)"}`,
          );
          summary += " (fork)";
        }
        return { status: 409, body: formatTlogSize(decision.size), contentType: TLOG_SIZE_CONTENT_TYPE, summary };
      }
      case 422: {
        let summary = `422 ${what}: ${decision.reason}`;
        if (decision.evidence) {
          const kept = await keep(store, "proof", origin, signed.request.signedCheckpoint, evidence("proof", decision.reason, latest?.note, body), alert);
          if (kept !== null) summary += `; kept as evidence/${kept}`;
        }
        return { status: 422, body: decision.reason + "\n", summary };
      }
    }
  });
}

/** Evidence that cannot be written is reported, but the client still gets the protocol's answer. */
async function keep(store: WitnessStore, kind: string, origin: string, signedCheckpoint: string, content: string, alert: (line: string) => void): Promise<string | null> {
  try {
    return await store.keepEvidence(kind, origin, signedCheckpoint, content);
  } catch (error) {
    alert(`could not keep ${kind} evidence for ${JSON.stringify(origin)}: ${(error as Error).message}`);
    return null;
  }
}

function evidence(kind: string, reason: string, cosigned: string | undefined, request: string): string {
  return [
    `gongshi-witness evidence: ${kind}`,
    `time: ${new Date().toISOString()}`,
    `reason: ${reason}`,
    "",
    "=== the latest checkpoint this witness cosigned ===",
    cosigned ?? "(none)",
    "=== the add-checkpoint request, verbatim ===",
    request,
  ].join("\n");
}
