import "server-only";
/**
 * One C2SP tlog-witness add-checkpoint request. Bounded in every way a witness could stall or
 * flood the portal: a time-out over the whole exchange, a cap on the answer, and no redirects
 * followed (a witness is configured by its URL; a redirect elsewhere is an error, not a hint).
 */

export const WITNESS_TIMEOUT_MS = 10_000;
/** Cosignature lines are ~100 bytes each; anything near this is not a witness's answer. */
export const MAX_WITNESS_ANSWER_BYTES = 64 * 1024;

export interface WitnessAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The witness could not be asked or did not answer in time: retried later, never evidence. */
export class WitnessUnreachableError extends Error {}

export async function postAddCheckpoint(url: string, body: string, timeoutMs = WITNESS_TIMEOUT_MS): Promise<WitnessAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "text/plain; charset=utf-8" },
      redirect: "manual",
      signal,
    });
  } catch (e) {
    throw new WitnessUnreachableError(describe(e, timeoutMs));
  }
  try {
    const text = await readCapped(response, MAX_WITNESS_ANSWER_BYTES);
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: text };
  } catch (e) {
    throw new WitnessUnreachableError(e instanceof WitnessUnreachableError ? e.message : describe(e, timeoutMs));
  }
}

async function readCapped(response: Response, cap: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw new WitnessUnreachableError(`the answer is larger than ${cap} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

function describe(e: unknown, timeoutMs: number): string {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  if (error.name === "TimeoutError" || error.name === "AbortError") return `no answer within ${timeoutMs} ms`;
  const cause = error.cause?.code ?? error.cause?.message;
  return cause ? `${error.message} (${cause})` : error.message;
}
