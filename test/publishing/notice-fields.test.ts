/** The notice field schema: what a clerk may log, normalized, and every refusal named by field. */
import { describe, expect, it } from "vitest";
import {
  describeProblems,
  fieldProblems,
  noticeFieldsSchema,
  PROBLEMS,
  retractionSchema,
  revisionReasonSchema,
  toLoggedFields,
  toLoggedReason,
} from "@/lib/shared/publishing/notice-fields";
import { sanitizeFileName } from "@/lib/server/publishing/attachment-policy";

const VALID = { title: " 关于道路施工的通告 ", number: "海交〔2026〕3号", category: "交通", language: "zh-CN", effectiveDate: "2026-12-01", body: "正文\r\n第二段" };

describe("noticeFieldsSchema", () => {
  it("accepts a complete notice, trimmed, NFC and with Unix line ends", () => {
    const parsed = noticeFieldsSchema.parse({ ...VALID, title: "Cafe\u0301 rules" });
    expect(parsed.title).toBe("Caf\u00e9 rules");
    expect(parsed.body).toBe("正文\n第二段");
  });

  it("logs the category's slug, however the clerk or agency system named it", () => {
    for (const category of ["planning", "城乡规划", " Urban and rural  planning ", "Land use and planning", "规划公示"]) {
      expect(noticeFieldsSchema.parse({ ...VALID, category }).category, category).toBe("planning");
    }
    expect(noticeFieldsSchema.parse(VALID).category).toBe("transport");
  });

  it("leaves an empty number out of the logged fields", () => {
    expect(toLoggedFields(noticeFieldsSchema.parse({ ...VALID, number: "  " }))).not.toHaveProperty("number");
    expect(toLoggedFields(noticeFieldsSchema.parse({ ...VALID }))).toHaveProperty("number", "海交〔2026〕3号");
  });

  it.each([
    ["title", { title: "   " }, "required"],
    ["title", { title: "two\nlines" }, "must be one line of text"],
    ["title", { title: "x".repeat(301) }, "at most 300 characters"],
    ["language", { language: "fr" }, "must be zh-CN or en"],
    ["category", { category: "交通管制" }, PROBLEMS.category],
    ["category", { category: "planning-and-more" }, PROBLEMS.category],
    ["effectiveDate", { effectiveDate: "2026-02-30" }, "is not a valid date"],
    ["effectiveDate", { effectiveDate: "1.12.2026" }, "must be a date written YYYY-MM-DD"],
    ["body", { body: "bell\u0007" }, "contains characters that cannot be published (control characters or broken text)"],
    ["body", { body: "lone \ud800 surrogate" }, "contains characters that cannot be published (control characters or broken text)"],
  ])("names the problem with %s", (field, change, message) => {
    const result = noticeFieldsSchema.safeParse({ ...VALID, ...change });
    expect(result.success).toBe(false);
    expect(fieldProblems(result.error!)[field]).toBe(message);
  });

  // A title ending in U+202E showed the citation after it (index, date, permalink) reversed.
  const DIRECTION_CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
  it.each(DIRECTION_CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))(
    "refuses the text-direction control %s in every logged text field",
    (_name, c) => {
      for (const field of ["title", "number", "category", "body"] as const) {
        const result = noticeFieldsSchema.safeParse({ ...VALID, [field]: `前${c}后` });
        expect(result.success).toBe(false);
        expect(fieldProblems(result.error!)[field]).toBe(PROBLEMS.directionControls);
      }
      const reason = retractionSchema.safeParse({ reason: `撤回${c}原因` });
      expect(reason.success).toBe(false);
      expect(reason.error!.issues[0]!.message).toBe(PROBLEMS.directionControls);
      expect(sanitizeFileName(`plan${c}.pdf`)).toBe("plan.pdf");
    },
  );

  it("refuses unknown fields, since every logged field is permanent", () => {
    const result = noticeFieldsSchema.safeParse({ ...VALID, contact: "13800000000" });
    expect(result.success).toBe(false);
    expect(fieldProblems(result.error!)).toEqual({ contact: "unknown field" });
    expect(describeProblems(result.error!)).toBe("contact: unknown field");
  });

  it("requires every field but the number", () => {
    const result = noticeFieldsSchema.safeParse({});
    expect(Object.keys(fieldProblems(result.error!)).sort()).toEqual(["body", "category", "effectiveDate", "language", "title"]);
  });
});

describe("revisionReasonSchema (amend, correct and retract)", () => {
  it("requires a one-line reason, trimmed, and keeps the detail's paragraphs", () => {
    expect(revisionReasonSchema.safeParse({}).success).toBe(false);
    expect(fieldProblems(revisionReasonSchema.safeParse({ reason: " " }).error!)).toEqual({ reason: PROBLEMS.required });
    expect(revisionReasonSchema.parse({ reason: " 发布有误。 ", reasonDetail: "已重新发布。\r\n\r\n见新公示。" })).toEqual({
      reason: "发布有误。",
      reasonDetail: "已重新发布。\n\n见新公示。",
    });
    expect(retractionSchema).toBe(revisionReasonSchema);
  });

  it("refuses a new reason of more than one line (old multi-line retractions stay as logged; only input is held to this)", () => {
    expect(fieldProblems(retractionSchema.safeParse({ reason: "发布有误。\n\n已重新发布。" }).error!)).toEqual({ reason: PROBLEMS.oneLine });
  });

  it("limits the reason to 200 characters and the detail to 2000, and refuses unknown members", () => {
    expect(revisionReasonSchema.safeParse({ reason: "因".repeat(200), reasonDetail: "详".repeat(2000) }).success).toBe(true);
    expect(fieldProblems(revisionReasonSchema.safeParse({ reason: "因".repeat(201) }).error!)).toEqual({ reason: "at most 200 characters" });
    expect(fieldProblems(revisionReasonSchema.safeParse({ reason: "r", reasonDetail: "详".repeat(2001) }).error!)).toEqual({ reasonDetail: "at most 2000 characters" });
    expect(fieldProblems(revisionReasonSchema.safeParse({ reason: "r", note: "x" }).error!)).toEqual({ note: "unknown field" });
  });

  it("logs an empty detail as no detail", () => {
    expect(toLoggedReason(revisionReasonSchema.parse({ reason: "r", reasonDetail: "  " }))).toEqual({ reason: "r" });
    expect(toLoggedReason(revisionReasonSchema.parse({ reason: "r", reasonDetail: "d" }))).toEqual({ reason: "r", reasonDetail: "d" });
  });

  it("is not part of a notice's content: publish and amend fields refuse it", () => {
    const fields = { title: "t", category: "planning", language: "en", effectiveDate: "2026-01-01", body: "b" };
    expect(fieldProblems(noticeFieldsSchema.safeParse({ ...fields, reason: "r" }).error!)).toEqual({ reason: "unknown field" });
  });
});
