import { describe, expect, it } from "vitest";
import { effectiveField, effectiveValue, noticeTitle, type FieldSource } from "@/lib/shared/notices/effective-fields";

/** A version as served: withheld paths are absent from `fields` (lib/server/notices/get-notice.ts). */
function v(version: number, fields: Record<string, string>, withheld: string[] = []): FieldSource {
  const served = Object.fromEntries(Object.entries(fields).filter(([name]) => !withheld.includes(name)));
  return { version, fields: served, withheld: withheld.map((path) => ({ path })) };
}

const publish = v(1, { title: "关于滨海路拓宽的公示", number: "海规〔2026〕7号", language: "zh-CN" });
const correct = v(2, { title: "关于滨海路拓宽的公示（更正）", number: "海规〔2026〕8号", language: "zh-CN" });
const retract = v(3, { title: "关于滨海路拓宽的公示（更正）", reason: "撤回" });

describe("effectiveField", () => {
  it("is the version's own field when it carries one", () => {
    expect(effectiveField([publish, correct, retract], 2, "number")).toEqual({ state: "shown", value: "海规〔2026〕8号", version: 2 });
    expect(effectiveField([publish, correct, retract], 3, "reason")).toEqual({ state: "shown", value: "撤回", version: 3 });
  });

  it("else comes from the newest earlier version that carries it", () => {
    expect(effectiveField([publish, correct, retract], 3, "number")).toEqual({ state: "shown", value: "海规〔2026〕8号", version: 2 });
    expect(effectiveValue([publish, correct, retract], 3, "language")).toBe("zh-CN");
  });

  it("never comes from a later version, whatever the order given", () => {
    expect(effectiveValue([retract, correct, publish], 1, "number")).toBe("海规〔2026〕7号");
    expect(effectiveField([publish, correct, retract], 2, "reason")).toEqual({ state: "absent" });
    // v1 without a number: a later correction's number is not v1's.
    expect(effectiveField([v(1, { title: "t" }), correct], 1, "number")).toEqual({ state: "absent" });
    expect(effectiveValue([v(1, { title: "t" }), correct], 1, "number")).toBeUndefined();
  });

  it("a version's withheld field is withheld, not replaced by an earlier or a later version's value", () => {
    const withheld = v(2, { title: "t2", number: "海规〔2026〕8号" }, ["number"]);
    expect(effectiveField([publish, withheld, retract], 2, "number")).toEqual({ state: "withheld", version: 2 });
    expect(effectiveValue([publish, withheld, retract], 2, "number")).toBeUndefined();
    // Later versions inherit the withholding: v3 carries no number, v2's is the one in force.
    expect(effectiveField([publish, withheld, retract], 3, "number")).toEqual({ state: "withheld", version: 2 });
    // v1's own number was never withheld, so v1's page still shows it.
    expect(effectiveValue([publish, withheld, retract], 1, "number")).toBe("海规〔2026〕7号");
  });

  it("v1's withheld number is not shown from the correction that came after it", () => {
    const v1 = v(1, { title: "t", number: "海规〔2026〕7号" }, ["number"]);
    expect(effectiveField([v1, correct], 1, "number")).toEqual({ state: "withheld", version: 1 });
    expect(effectiveValue([v1, correct], 2, "number")).toBe("海规〔2026〕8号");
  });

  it("never carries a reason to a later version: it is that version's own or absent", () => {
    const amended = v(2, { title: "t", reason: "期限延长。", reasonDetail: "详情。" });
    const versions = [publish, amended, v(3, { title: "t2" })];
    expect(effectiveField(versions, 2, "reason")).toEqual({ state: "shown", value: "期限延长。", version: 2 });
    expect(effectiveField(versions, 3, "reason")).toEqual({ state: "absent" });
    expect(effectiveField(versions, 3, "reasonDetail")).toEqual({ state: "absent" });
    expect(effectiveField([publish, v(2, { title: "t" }, ["reason"])], 2, "reason")).toEqual({ state: "withheld", version: 2 });
  });

  it("an empty value counts as not carried", () => {
    expect(effectiveValue([publish, v(2, { title: "t", number: "" })], 2, "number")).toBe("海规〔2026〕7号");
  });
});

describe("noticeTitle", () => {
  it("is the effective title, else the notice id", () => {
    expect(noticeTitle({ id: "HP-1", versions: [publish, correct, retract] }, 1)).toBe("关于滨海路拓宽的公示");
    expect(noticeTitle({ id: "HP-1", versions: [publish, v(2, { reason: "撤回" })] }, 2)).toBe("关于滨海路拓宽的公示");
    expect(noticeTitle({ id: "HP-1", versions: [v(1, { reason: "r" })] }, 1)).toBe("HP-1");
  });

  it("a retraction whose base title is withheld is named by the id, not by an older title", () => {
    // retract-notice.ts leaves out a withheld base title; v1's title is no longer the one in force.
    const versions = [publish, v(2, { title: "张三的拟聘公示" }, ["title"]), v(3, { reason: "撤回" })];
    expect(noticeTitle({ id: "HP-1", versions }, 3)).toBe("HP-1");
    expect(noticeTitle({ id: "HP-1", versions }, 2)).toBe("HP-1");
    expect(noticeTitle({ id: "HP-1", versions }, 1)).toBe("关于滨海路拓宽的公示");
  });
});
