import { describe, expect, it } from "vitest";
import { parseNoticeReference } from "@/lib/browser/verify/notice-reference";

describe("parseNoticeReference", () => {
  it.each([
    ["HP-PLAN-2026-003", { noticeId: "HP-PLAN-2026-003" }],
    ["  HP-PLAN-2026-003 \n", { noticeId: "HP-PLAN-2026-003" }],
    ["https://gongshi.example/zh-CN/n/HP-PLAN-2026-003", { noticeId: "HP-PLAN-2026-003" }],
    ["https://gongshi.example/en/n/HP-PLAN-2026-003/v/2", { noticeId: "HP-PLAN-2026-003", version: 2 }],
    ["http://mirror.example/n/HP-PLAN-2026-003/v/12/", { noticeId: "HP-PLAN-2026-003", version: 12 }],
    ["/en/n/HP-PLAN-2026-003/v/2?x=1#top", { noticeId: "HP-PLAN-2026-003", version: 2 }],
  ])("reads %j", (text, expected) => {
    expect(parseNoticeReference(text)).toEqual(expected);
  });

  it.each([
    "",
    "not a notice",
    "https://x.example/en/notices",
    "https://x.example/en/n/HP-1/v/02",
    "https://x.example/en/n/HP-1/v/0",
    "-bad-id",
    "https://x.example/en/n/a%2Fb",
    "https://x.example/en/n/%E0%A4%A",
  ])("refuses %j", (text) => {
    expect(parseNoticeReference(text)).toBeNull();
  });
});
