/**
 * The subscribe form's action before any service runs: without SMTP_URL it says alerts are not
 * available (the page shows that, not an error), and a bad address comes back with what was
 * typed and the error to show.
 */
import { afterEach, describe, expect, it } from "vitest";
import { subscribeAction } from "@/app/[locale]/alerts/subscribe/actions";

const form = (email: string) => {
  const data = new FormData();
  data.set("email", email);
  data.set("filter", "agency=hp-planning");
  return data;
};
const idle = { status: "idle", email: "" } as const;
const saved = process.env.SMTP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
});

describe("subscribe action", () => {
  it("answers 'not available' without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    expect(await subscribeAction("en", idle, form("reader@example.org"))).toEqual({ status: "unavailable", email: "reader@example.org" });
  });

  it("keeps a bad address and names the error", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    expect(await subscribeAction("zh-CN", idle, form("reader@"))).toEqual({ status: "error", error: "invalidEmail", email: "reader@" });
  });
});
