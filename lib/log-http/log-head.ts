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
export interface LogHead {
  size: number;
  /** The signed note with every collected cosignature line appended, as /log/checkpoint serves it. */
  note: string;
}

export class LogHeadReader {
  private latest: LogHead | null | undefined;
  private running: Promise<LogHead | null> | null = null;
  private queued: Promise<LogHead | null> | null = null;

  constructor(private readonly read: () => Promise<LogHead | null>) {}

  /** The newest head seen; null if the log had none then; undefined before the first read. */
  known(): LogHead | null | undefined {
    return this.latest;
  }

  /** A head read by a query that started after this call. */
  fresh(): Promise<LogHead | null> {
    if (!this.running) return this.start();
    // The running query may have started before this request arrived: wait for the next one.
    this.queued ??= this.running
      .catch(() => {})
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<LogHead | null> {
    const query: Promise<LogHead | null> = this.read()
      .then((head) => {
        this.latest = head;
        return head;
      })
      .finally(() => {
        if (this.running === query) this.running = null;
      });
    this.running = query;
    return query;
  }
}
