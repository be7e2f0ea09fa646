/**
 * The read router's rule (lib/server/db/read-routing.mjs): the replica answers a read only when it has
 * replayed as far as the primary's position at the read's start. The positions here are given
 * by the test, as a primary and a standby would report them, so each case (behind, catching up
 * within the wait, failed, not a standby) is exact; the end-to-end behaviour with a real hot
 * standby is e2e/replica/read-replica.spec.ts. The last case asks a real PostgreSQL server.
 */
import { describe, expect, it } from "vitest";
import { createReadRouter, parseLsn, REPLICA_RETRY_MS, ReadRouter, replicaIsAway } from "@/lib/server/db/read-routing.mjs";

/** Positions the test moves; counts how often each was asked. */
function positions(primary: string, replica: string | null) {
  const state = { primary, replica, primaryAsks: 0, replicaAsks: 0, replicaFails: null as Error | null, clock: 1_000_000 };
  const logged: string[] = [];
  const router = new ReadRouter({
    primaryPosition: async () => {
      state.primaryAsks++;
      return state.primary;
    },
    replicaPosition: async () => {
      state.replicaAsks++;
      if (state.replicaFails) throw state.replicaFails;
      return state.replica;
    },
    maxWaitMs: 30,
    log: (line) => logged.push(line),
    now: () => state.clock || Date.now(),
  });
  return { state, router, logged };
}

describe("WAL positions", () => {
  it("order as PostgreSQL orders them, across the 32-bit boundary", () => {
    expect(parseLsn("0/FFFFFFFF") < parseLsn("1/0")).toBe(true);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) + 0xb374d848n);
    expect(() => parseLsn("16-B3")).toThrow(/not a WAL position/);
  });
});

describe("the read router", () => {
  it("reads from the replica once it has replayed as far as the primary, and remembers that position", async () => {
    const { state, router } = positions("0/3000060", "0/3000060");
    expect(await router.choose()).toBe("replica");
    expect(await router.choose()).toBe("replica");
    // The primary is asked for every read; the replica only while its remembered position is not enough.
    expect(state.primaryAsks).toBe(2);
    expect(state.replicaAsks).toBe(1);
  });

  it("reads from the primary when the replica stays behind for the whole wait", async () => {
    const { state, router } = positions("0/3000100", "0/3000060");
    state.clock = 0; // real time: the router waits
    expect(await router.choose()).toBe("primary");
    expect(state.replicaAsks).toBeGreaterThan(1);
    expect(router.counts).toEqual({ replica: 0, primary: 1 });
  });

  it("waits for a replica that catches up within the wait", async () => {
    const { state, router } = positions("0/3000100", "0/3000060");
    state.clock = 0;
    setTimeout(() => (state.replica = "0/3000100"), 5);
    expect(await router.choose()).toBe("replica");
  });

  it("leaves a failed replica alone for a while, then tries it again", async () => {
    const { state, router, logged } = positions("0/3000060", "0/3000060");
    state.replicaFails = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5441"), { code: "ECONNREFUSED" });
    expect(await router.choose()).toBe("primary");
    expect(logged).toEqual([expect.stringContaining("read replica unavailable")]);
    state.replicaFails = null;
    const asked = state.replicaAsks;
    state.clock += REPLICA_RETRY_MS - 1;
    expect(await router.choose()).toBe("primary");
    expect(state.replicaAsks).toBe(asked);
    state.clock += 1;
    expect(await router.choose()).toBe("replica");
  });

  it("forgets the remembered position when the replica's own connections fail", async () => {
    const { state, router } = positions("0/3000060", "0/3000060");
    expect(await router.choose()).toBe("replica");
    // A restarted standby may open behind what it showed before.
    router.noteReplicaError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
    state.replica = "0/3000000";
    state.clock = 0; // real time, long past the pause after the failure: the router waits, then gives up
    expect(await router.choose()).toBe("primary");
    // A query that fails on its own (a conflict with recovery) says nothing about the replica being away.
    expect(replicaIsAway(Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" }))).toBe(false);
  });

  it("treats a server that is not a standby as unavailable", async () => {
    const { router, logged } = positions("0/3000060", null);
    expect(await router.choose()).toBe("primary");
    expect(logged[0]).toMatch(/not a standby/);
  });
});

describe("against a real server", () => {
  it("a primary given as DATABASE_READ_URL is not used for reads", async () => {
    const url = "postgresql://postgres@127.0.0.1:5432/postgres";
    // A generous position time-out: on a loaded machine opening a connection can take over the
    // default second, and a primary that cannot say its position sends the read there silently,
    // which is not the case this test is about.
    const router = createReadRouter(url, url, 0, 30_000);
    const lines: string[] = [];
    const error = console.error;
    console.error = (line: string) => lines.push(line);
    try {
      expect(await router.choose()).toBe("primary");
    } finally {
      console.error = error;
      await router.end?.();
    }
    expect(lines.join("\n")).toMatch(/not a standby/);
  });
});
