/**
 * The log's head (latest checkpoint with its cosignatures) as the fast path sees it.
 *
 * Two ways to ask. `fresh()` answers from a query that started after the call, so an answer
 * built on it reflects every commit and cosignature stored before the request arrived, exactly
 * as a route handler's own query did; callers that arrive while a query runs share the next
 * one, so under load one small query serves a whole batch of requests. `known()` is the newest
 * head any query returned, with no wait: enough to answer anything the head only ever makes
 * possible (sizes only grow), such as a proof for an explicit size below it. A "not there yet"
 * answer is only given on a fresh head.
 */
import { coalesced } from "@/lib/server/cache/coalesced.mjs";

export interface LogHead {
  size: number;
  /** The signed note with every collected cosignature line appended, as /log/checkpoint serves it. */
  note: string;
}

export class LogHeadReader {
  private latest: LogHead | null | undefined;
  /** A head read by a query that started after this call (lib/server/cache/coalesced.mjs). */
  readonly fresh: () => Promise<LogHead | null>;

  constructor(read: () => Promise<LogHead | null>) {
    this.fresh = coalesced(async () => (this.latest = await read()));
  }

  /** The newest head seen; null if the log had none then; undefined before the first read. */
  known(): LogHead | null | undefined {
    return this.latest;
  }
}
