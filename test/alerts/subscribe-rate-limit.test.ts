/**
 * The per-client limit on the subscribe form: a burst, then refusals with the wait, counted per
 * client address (the one server.mjs puts in x-gongshi-client-address), each on its own.
 */
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/auth/request-origin";
import { takeSubscribeLimit } from "@/lib/server/alerts/subscribe-rate-limit";

const from = (ip: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: ip });

describe("subscribe rate limit", () => {
  it("lets a client subscribe a few times at once, then asks it to wait, without slowing other clients", () => {
    process.env.RATE_LIMIT_SUBSCRIBE_PER_HOUR = "10";
    for (let i = 0; i < 5; i++) expect(takeSubscribeLimit(from("192.0.2.1"))).toBe(0);
    const wait = takeSubscribeLimit(from("192.0.2.1"));
    // 10 an hour: the next request is possible in about six minutes.
    expect(wait).toBeGreaterThan(300);
    expect(wait).toBeLessThanOrEqual(361);
    expect(takeSubscribeLimit(from("192.0.2.2"))).toBe(0);
  });
});
