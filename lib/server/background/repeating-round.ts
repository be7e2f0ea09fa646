/**
 * A round of background work repeated inside the web server: the next round starts
 * `intervalMs` after the previous one ended (never two at once), and a failed round is logged
 * and simply tried again at the next tick, so a passing database outage stops nothing for good.
 */
export function startRepeatingRound(label: string, intervalMs: number, round: () => Promise<void>): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await round();
    } catch (error) {
      console.error(`${label}: round failed, will retry`, error);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
