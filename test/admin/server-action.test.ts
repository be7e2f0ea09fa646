import { afterEach, describe, expect, it, vi } from "vitest";
import { callService } from "@/lib/server/admin/server-action";
import { ApiError } from "@/lib/server/api/errors";

const answers = {
  what: "test action",
  refused: (error: ApiError) => (error.code === "forbidden" ? "not allowed" : undefined),
  unexpected: "something went wrong",
};

describe("callService", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers with the call's value when it succeeds", async () => {
    expect(await callService(async () => 42, answers)).toEqual({ ok: true, value: 42 });
  });

  it("maps a refusal the action knows to its answer, without logging it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await callService(() => Promise.reject(new ApiError("forbidden", "no")), answers)).toEqual({ ok: false, answer: "not allowed" });
    expect(log).not.toHaveBeenCalled();
  });

  it("logs any other failure, and a refusal the action does not know, and answers 'unexpected'", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("boom");
    expect(await callService(() => Promise.reject(bug), answers)).toEqual({ ok: false, answer: "something went wrong" });
    expect(log).toHaveBeenLastCalledWith("test action failed unexpectedly", bug);
    expect(await callService(() => Promise.reject(new ApiError("conflict", "taken")), answers)).toEqual({ ok: false, answer: "something went wrong" });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it("logs only the message when asked to, so an error's fields never reach the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await callService(() => Promise.reject(Object.assign(new Error("db down"), { secret: "s3cret" })), { ...answers, logMessageOnly: true });
    expect(log).toHaveBeenCalledWith("test action failed unexpectedly", "db down");
  });
});
