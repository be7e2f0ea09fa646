/** Polling with exponential backoff, as the verifier waits for a checkpoint or for witnesses. */
export const FIRST_POLL_MS = 1000;
export const MAX_POLL_MS = 30_000;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    });
  });
}
