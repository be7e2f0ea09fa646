/**
 * DEMO ONLY: when each demo version was published, in the order it happened, so the seed can
 * replay that history into the log (lib/server/seed/seed-demo.ts). Pure: no I/O.
 *
 * Days count back from DEMO_REFERENCE_DATE, the day the demo texts were written for, so the
 * dates inside them (a period extended "至2026年3月18日" by the amendment of 2026年2月25日) fit the dates the pages show,
 * whenever the demo is seeded. Only on a machine whose clock is before that day do they count
 * back from today instead (a log must not hold entries from its own future); the texts then
 * disagree, the log's story does not. Times of day are Haiping office hours (UTC+8): from
 * 09:00, each later version of the same day 23 min 7 s after the one before, so no two
 * versions share a minute.
 */
import { DEMO_REFERENCE_DATE, type DemoNotice, type DemoNoticeVersion } from "./demo-notices";

const DAY_MS = 24 * 60 * 60 * 1000;
/** 09:00 in Haiping (UTC+8) is 01:00 UTC. */
const FIRST_OF_DAY_MS = 1 * 60 * 60 * 1000;
const SPACING_MS = (23 * 60 + 7) * 1000;
/** How long after its publication a replayed version enters the log: the committer runs every few seconds. */
export const DEMO_LOG_DELAY_MS = 2_000;

export interface DemoTimelineItem {
  notice: DemoNotice;
  version: DemoNoticeVersion;
  /** The agency's publication time (notice_version.created_at). */
  publishedAt: Date;
}

/** The versions of `notices`, oldest first, each with its publication time. */
export function demoTimeline(notices: readonly DemoNotice[], now: Date): DemoTimelineItem[] {
  const reference = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
  // Today's date in Haiping, as midnight UTC of that calendar day.
  const today = Math.floor((now.getTime() + 8 * 60 * 60 * 1000) / DAY_MS) * DAY_MS;
  const anchor = Math.min(reference, today);
  const byDay = notices
    .flatMap((notice) => notice.versions.map((version) => ({ notice, version, daysAgo: notice.daysAgo - (version.daysAfterFirst ?? 0) })))
    // Stable: on one day, DEMO_NOTICES order and each notice's versions in order.
    .sort((a, b) => b.daysAgo - a.daysAgo);
  let day = Number.NaN;
  let k = 0;
  return byDay.map(({ notice, version, daysAgo }) => {
    k = daysAgo === day ? k + 1 : 0;
    day = daysAgo;
    return { notice, version, publishedAt: new Date(anchor - daysAgo * DAY_MS + FIRST_OF_DAY_MS + k * SPACING_MS) };
  });
}
