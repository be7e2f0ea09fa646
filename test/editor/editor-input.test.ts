/** The editor form's boundary: unknown fields refused, files and removals read as lists, problems as message keys. */
import { describe, expect, it } from "vitest";
import { editorInputSchema, fieldErrorKey, formObject, typedValues } from "@/lib/server/drafts/editor-input";
import { draftFieldsSchema, draftReason, publishableFields, publishProblems } from "@/lib/shared/drafts/draft-fields";
import { fieldProblems, PROBLEMS } from "@/lib/shared/publishing/notice-fields";

function form(entries: [string, string | File][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("editor form input", () => {
  it("reads fields, several files and removals, and drops an unused file picker and Next's own keys", () => {
    const data = form([
      ["revision", "3"],
      ["title", "标题"],
      ["attachments", new File(["%PDF-1.4"], "a.pdf")],
      ["attachments", new File(["b"], "b.txt")],
      ["attachments", new File([], "")],
      ["removeAttachment", "7b0c6f5e-1c1d-4c1e-9a51-0e6b8d2f6a10"],
      ["$ACTION_ID_abc", ""],
    ]);
    const parsed = editorInputSchema.parse(formObject(data));
    expect(parsed.revision).toBe(3);
    expect(parsed.intent).toBe("save");
    expect(parsed.attachments.map((f) => f.name)).toEqual(["a.pdf", "b.txt"]);
    expect(parsed.removeAttachment).toHaveLength(1);
    expect(typedValues(data).title).toBe("标题");
  });

  it("refuses a field the form does not have, a bad revision and a removal that is not an attachment id", () => {
    const unknown = editorInputSchema.safeParse(
      formObject(
        form([
          ["revision", "0"],
          ["colour", "red"],
        ]),
      ),
    );
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
    expect(editorInputSchema.safeParse(formObject(form([["revision", "-1"]]))).success).toBe(false);
    expect(
      editorInputSchema.safeParse(
        formObject(
          form([
            ["revision", "0"],
            ["removeAttachment", "../../etc"],
          ]),
        ),
      ).success,
    ).toBe(false);
    expect(
      editorInputSchema.safeParse(
        formObject(
          form([
            ["revision", "0"],
            ["intent", "publish-now"],
          ]),
        ),
      ).success,
    ).toBe(false);
  });

  it("turns every problem of the notice schema into a message key, so no English reaches the Chinese UI", () => {
    const problems = publishProblems({ title: "a\u0007", category: "x".repeat(51), language: "fr", effectiveDate: "2026-02-30", body: "" })!;
    expect(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, fieldErrorKey(problem).key]))).toEqual({
      title: "oneLine",
      category: "tooLong",
      language: "language",
      effectiveDate: "invalidDate",
      body: "required",
    });
    expect(fieldErrorKey("at most 50 characters")).toEqual({ key: "tooLong", max: 50 });
    expect(fieldErrorKey(publishProblems({ title: "t", category: "交通管制", language: "en", effectiveDate: "2026-01-01", body: "b" })!.category!).key).toBe("category");
    expect(fieldErrorKey(publishProblems({ title: "t", category: "c", language: "en", effectiveDate: "2026-01-01", body: "b\u0007" })!.body!).key).toBe("invalidChars");
    // A draft keeps a direction control typed or pasted; the review before publishing names it.
    expect(fieldErrorKey(publishProblems({ title: "t\u202E", category: "c", language: "en", effectiveDate: "2026-01-01", body: "b" })!.title!).key).toBe("directionControls");
  });

  it("keeps incomplete drafts but refuses unknown field names; a blank number is no number", () => {
    expect(draftFieldsSchema.safeParse({ title: "", body: "<b>" }).success).toBe(true);
    expect(draftFieldsSchema.safeParse({ title: "t", colour: "red" }).success).toBe(false);
    expect(publishableFields({ title: "t", number: "  " })).toEqual({ title: "t" });
    expect(publishProblems({ title: "t", category: "planning", language: "en", effectiveDate: "2026-12-01", body: "b", number: "" })).toBeNull();
  });

  it("requires a one-line reason of an amendment or correction, never of a new notice, and never publishes it as a notice field", () => {
    const fields = { title: "t", category: "planning", language: "en", effectiveDate: "2026-12-01", body: "b" };
    expect(publishProblems(fields, "amend")).toEqual({ reason: PROBLEMS.required });
    expect(publishProblems({ ...fields, reason: "a\nb" }, "correct")).toEqual({ reason: PROBLEMS.oneLine });
    expect(publishProblems({ ...fields, reason: "Dates moved.", reasonDetail: "" }, "amend")).toBeNull();
    expect(fieldErrorKey(publishProblems({ ...fields, reason: "Dates moved." }, "publish")!.reason!).key).toBe("noReasonForNew");
    expect(publishableFields({ ...fields, reason: "Dates moved.", reasonDetail: "d" })).toEqual(fields);
    expect(draftReason({ ...fields, reason: "r", reasonDetail: " " })).toEqual({ reason: "r" });
  });

  it("names a value too long even for a draft by its field and limit, as the save action shows it", () => {
    const parsed = draftFieldsSchema.safeParse({ title: "x".repeat(301), body: "ok" });
    expect(parsed.success).toBe(false);
    const problems = fieldProblems(parsed.error!);
    expect(Object.keys(problems)).toEqual(["title"]);
    expect(fieldErrorKey(problems.title!)).toEqual({ key: "tooLong", max: 300 });
  });
});
