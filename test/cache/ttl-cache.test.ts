import { describe, expect, it } from "vitest";
import { TtlCache } from "@/lib/server/cache/ttl-cache";

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe("TtlCache", () => {
  it("keeps a value for its time to live, then loads again", async () => {
    const c = clock();
    const cache = new TtlCache<number>({ ttlMs: 5_000, maxEntries: 10, now: c.now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad("k", load)).toBe(1);
    c.advance(4_999);
    expect(await cache.getOrLoad("k", load)).toBe(1);
    c.advance(1);
    expect(await cache.getOrLoad("k", load)).toBe(2);
  });

  it("shares one load among concurrent callers of the same key", async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      await gate;
      return "page";
    };
    const waiting = Array.from({ length: 50 }, () => cache.getOrLoad("k", load));
    release();
    expect(await Promise.all(waiting)).toEqual(Array(50).fill("page"));
    expect(loads).toBe(1);
  });

  it("evicts the least recently used entry beyond maxEntries and beyond maxBytes", () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000, maxEntries: 2, maxBytes: 10, sizeOf: (v) => v.length });
    cache.set("a", "1");
    cache.set("b", "2");
    expect(cache.get("a")).toBe("1"); // a is now the most recent
    cache.set("c", "3");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("1");
    cache.set("d", "123456789"); // 1 + 9 bytes = 10: c goes for the entry limit, a stays within bytes
    expect(cache.get("c")).toBeUndefined();
    cache.set("e", "12");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("d")).toBeUndefined();
    expect(cache.get("e")).toBe("12");
    cache.set("huge", "x".repeat(11));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("e")).toBe("12");
  });

  it("does not keep what `keep` refuses, and a zero time to live caches nothing", async () => {
    const refusing = new TtlCache<number | null>({ ttlMs: 1_000, maxEntries: 10, keep: (v) => v !== null });
    let loads = 0;
    await refusing.getOrLoad("k", async () => (loads++, null));
    await refusing.getOrLoad("k", async () => (loads++, null));
    expect(loads).toBe(2);
    const off = new TtlCache<number>({ ttlMs: 0, maxEntries: 10 });
    await off.getOrLoad("k", async () => ++loads);
    expect(await off.getOrLoad("k", async () => ++loads)).toBe(4);
    expect(off.size).toBe(0);
  });

  it("a failed load is not kept and does not block the next one", async () => {
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    await expect(cache.getOrLoad("k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.getOrLoad("k", async () => 7)).toBe(7);
  });

  it("clear forgets everything", () => {
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    cache.set("a", 1);
    cache.clear();
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
