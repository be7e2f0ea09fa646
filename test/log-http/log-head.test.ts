import { describe, expect, it } from "vitest";
import { LogHeadReader, type LogHead } from "@/lib/server/log-http/log-head";

/** A head source whose reads finish when the test says, numbered in the order they started. */
function controlledReads() {
  const pending: { started: number; finish: (head: LogHead | null) => void; fail: (e: Error) => void }[] = [];
  let started = 0;
  const read = () =>
    new Promise<LogHead | null>((resolve, reject) => {
      started++;
      pending.push({ started, finish: resolve, fail: reject });
    });
  return { read, pending, started: () => started };
}

const head = (size: number): LogHead => ({ size, note: `origin\n${size}\n` });

describe("LogHeadReader", () => {
  it("answers a caller from a read that started after it called, shared by everyone who came meanwhile", async () => {
    const src = controlledReads();
    const heads = new LogHeadReader(src.read);
    const first = heads.fresh();
    expect(src.started()).toBe(1);
    // Arrived while read 1 runs: read 1 may predate them, so they wait for read 2, together.
    const second = heads.fresh();
    const third = heads.fresh();
    expect(src.started()).toBe(1);
    src.pending[0]!.finish(head(5));
    expect(await first).toEqual(head(5));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(src.started()).toBe(2);
    src.pending[1]!.finish(head(6));
    expect(await second).toEqual(head(6));
    expect(await third).toEqual(head(6));
    expect(heads.known()).toEqual(head(6));
  });

  it("knows nothing before the first read, and null when the log has no checkpoint", async () => {
    const src = controlledReads();
    const heads = new LogHeadReader(src.read);
    expect(heads.known()).toBeUndefined();
    const answer = heads.fresh();
    src.pending[0]!.finish(null);
    expect(await answer).toBeNull();
    expect(heads.known()).toBeNull();
  });

  it("passes a failed read to its callers and reads again for the next", async () => {
    const src = controlledReads();
    const heads = new LogHeadReader(src.read);
    const failing = heads.fresh();
    src.pending[0]!.fail(new Error("database away"));
    await expect(failing).rejects.toThrow("database away");
    const next = heads.fresh();
    expect(src.started()).toBe(2);
    src.pending[1]!.finish(head(7));
    expect(await next).toEqual(head(7));
  });
});
