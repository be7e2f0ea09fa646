/**
 * The largest checkpoint this browser has verified, kept per log origin in localStorage. It is
 * what a later visit checks consistency against: a log that rewrote or forked its history
 * after this browser saw it cannot prove the new head extends the kept one.
 */
export const KEPT_CHECKPOINT_PREFIX = "gongshi:verified-checkpoint:";

export function loadKeptCheckpoint(origin: string): string | null {
  try {
    return window.localStorage.getItem(KEPT_CHECKPOINT_PREFIX + origin);
  } catch {
    // Storage disabled (private mode, policy): verification still runs, only without memory.
    return null;
  }
}

export function saveKeptCheckpoint(origin: string, note: string): void {
  try {
    window.localStorage.setItem(KEPT_CHECKPOINT_PREFIX + origin, note);
  } catch {
    // See loadKeptCheckpoint.
  }
}

export function forgetKeptCheckpoint(origin: string): void {
  try {
    window.localStorage.removeItem(KEPT_CHECKPOINT_PREFIX + origin);
  } catch {
    // See loadKeptCheckpoint.
  }
}
