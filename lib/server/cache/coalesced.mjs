/**
 * `read` shared by concurrent callers, never answering a caller with a result that was asked
 * for before the caller arrived: at most one read runs at a time, at most one more is queued,
 * and everyone who arrives while a read runs shares the queued one. Under load one small query
 * then serves a whole batch of requests, and each still sees everything stored before it asked.
 *
 * Plain JavaScript (with coalesced.d.mts): lib/server/db/read-routing.mjs, which server.mjs may load,
 * uses it too.
 */
export function coalesced(read) {
  let running = null;
  let queued = null;
  const start = () => {
    const p = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    // A read is under way, but it may predate this caller's arrival: wait for the next one.
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
