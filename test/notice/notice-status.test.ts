import { describe, expect, it } from "vitest";
import { noticeBanners, type VersionFacts } from "@/lib/shared/notices/notice-status";

function v(version: number, kind: VersionFacts["kind"], extra: Partial<VersionFacts> = {}): VersionFacts {
  return { version, kind, createdAt: `2026-10-${10 + version}T00:00:00.000Z`, fields: { title: "t" }, status: "committed", withheld: [], ...extra };
}

describe("noticeBanners", () => {
  it("a notice published once and logged has no banner", () => {
    expect(noticeBanners([v(1, "publish")], 1)).toEqual([]);
  });

  it("the current version of an amended notice links the last change to its diff", () => {
    expect(noticeBanners([v(1, "publish"), v(2, "amend")], 2)).toEqual([{ type: "amended", version: 2, at: "2026-10-12T00:00:00.000Z", from: 1, reason: null }]);
  });

  it("states the reason of the latest change, with its detail, and nothing of an earlier change's reason", () => {
    const versions = [
      v(1, "publish"),
      v(2, "amend", { fields: { title: "t", reason: "期限延长。", reasonDetail: "增加说明会。" } }),
      v(3, "correct", { fields: { title: "t", reason: "电话有误。" } }),
    ];
    expect(noticeBanners(versions.slice(0, 2), 2)).toEqual([
      { type: "amended", version: 2, at: "2026-10-12T00:00:00.000Z", from: 1, reason: { reason: "期限延长。", detail: "增加说明会。" } },
    ]);
    expect(noticeBanners(versions, 3)).toEqual([{ type: "corrected", version: 3, at: "2026-10-13T00:00:00.000Z", from: 2, reason: { reason: "电话有误。", detail: null } }]);
    // The permalink of version 2, now superseded, still says why version 2 was made.
    expect(noticeBanners(versions, 2)).toEqual([
      { type: "superseded", viewed: 2, current: 3, currentKind: "correct", at: "2026-10-13T00:00:00.000Z" },
      { type: "revisedBy", kind: "amend", version: 2, reason: { reason: "期限延长。", detail: "增加说明会。" } },
    ]);
    // A withheld reason is not served, so the banner has none (the withheld banner says why).
    expect(
      noticeBanners([v(1, "publish"), v(2, "amend", { fields: { title: "t" }, withheld: [{ path: "reason", basis: "b", at: "2026-11-01T00:00:00.000Z", logIndex: 9 }] })], 2)[0],
    ).toMatchObject({ type: "amended", reason: null });
  });

  it("reports the latest change when a notice was amended and then corrected", () => {
    const banners = noticeBanners([v(1, "publish"), v(2, "amend"), v(3, "correct")], 3);
    expect(banners).toEqual([{ type: "corrected", version: 3, at: "2026-10-13T00:00:00.000Z", from: 2, reason: null }]);
  });

  it("an earlier version says which version is current instead", () => {
    expect(noticeBanners([v(1, "publish"), v(2, "correct")], 1)).toEqual([{ type: "superseded", viewed: 1, current: 2, currentKind: "correct", at: "2026-10-12T00:00:00.000Z" }]);
  });

  it("a retracted notice gives the reason and the last version with content, on every version", () => {
    const versions = [v(1, "publish"), v(2, "amend"), v(3, "retract", { fields: { title: "t", reason: "withdrawn", reasonDetail: "The project was cancelled." } })];
    const retracted = { type: "retracted", version: 3, at: "2026-10-13T00:00:00.000Z", reason: { reason: "withdrawn", detail: "The project was cancelled." }, lastContent: 2 };
    expect(noticeBanners(versions, 3)).toEqual([retracted, { type: "amended", version: 2, at: "2026-10-12T00:00:00.000Z", from: 1, reason: null }]);
    expect(noticeBanners(versions, 1)[0]).toEqual(retracted);
    expect(noticeBanners(versions, 1)[1]).toMatchObject({ type: "superseded", current: 3 });
  });

  it("shows a retraction logged before reasons were one line with its paragraphs as they are", () => {
    const old = v(2, "retract", { fields: { reason: "发布有误。\n\n已另行发布。" } });
    expect(noticeBanners([v(1, "publish"), old], 2)[0]).toMatchObject({ type: "retracted", reason: { reason: "发布有误。\n\n已另行发布。", detail: null } });
  });

  it("lists every withheld field of the viewed version with its basis and redact entry", () => {
    const withheld = [
      { path: "body", basis: "personal data", at: "2026-11-01T00:00:00.000Z", logIndex: 70 },
      { path: "attachments/0/name", basis: "court order", at: "2026-11-02T00:00:00.000Z", logIndex: null },
    ];
    const banners = noticeBanners([v(1, "publish", { withheld }), v(2, "amend")], 1);
    expect(banners.filter((b) => b.type === "withheld")).toEqual(withheld.map((w) => ({ type: "withheld", ...w })));
    expect(noticeBanners([v(1, "publish", { withheld }), v(2, "amend")], 2).some((b) => b.type === "withheld")).toBe(false);
  });

  it("a version not yet covered by a checkpoint is pending", () => {
    expect(noticeBanners([v(1, "publish"), v(2, "amend", { status: "pending" })], 2).at(-1)).toEqual({ type: "pending", version: 2 });
    expect(noticeBanners([v(1, "publish"), v(2, "amend", { status: "pending" })], 1).some((b) => b.type === "pending")).toBe(false);
  });

  it("refuses a version that does not exist", () => {
    expect(() => noticeBanners([v(1, "publish")], 2)).toThrow(RangeError);
    expect(() => noticeBanners([], 1)).toThrow(RangeError);
  });
});
