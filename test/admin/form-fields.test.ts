/** Reading admin forms: what reaches the strict schemas, and how their issues become field keys. */
import { describe, expect, it } from "vitest";
import { FORM_MESSAGE_KEYS, userCreateInput } from "@/lib/server/admin/admin-inputs";
import { fieldErrors, formFields } from "@/lib/shared/admin/form-fields";
import en from "@/messages/en/admin.json";
import zh from "@/messages/zh-CN/admin.json";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formFields", () => {
  it("keeps checkbox groups as arrays (empty when none is ticked) and drops React's action fields", () => {
    expect(
      formFields(
        form([
          ["$ACTION_ID_abc", ""],
          ["role", "clerk"],
        ]),
        ["agencyIds"],
      ),
    ).toEqual({ role: "clerk", agencyIds: [] });
    expect(
      formFields(
        form([
          ["agencyIds", "a"],
          ["agencyIds", "b"],
        ]),
        ["agencyIds"],
      ),
    ).toEqual({ agencyIds: ["a", "b"] });
  });

  it("keeps a single field sent twice as an array, so the schema refuses it", () => {
    const values = formFields(
      form([
        ["email", "a@b.cn"],
        ["email", "c@d.cn"],
      ]),
    );
    expect(values.email).toEqual(["a@b.cn", "c@d.cn"]);
  });
});

describe("fieldErrors", () => {
  it("gives each field its message keys, every key translatable, unknown fields to the form", () => {
    const result = userCreateInput.safeParse({ email: ["x"], name: "", password: "short", role: "root", agencyIds: [], admin: "1" });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!, FORM_MESSAGE_KEYS);
    expect(errors).toMatchObject({ email: ["invalid"], name: ["required"], role: ["roleInvalid"], _form: ["unknownField"] });
    for (const keys of Object.values(errors)) for (const key of keys) expect(FORM_MESSAGE_KEYS.has(key)).toBe(true);
  });
});

it("has every form message key translated in both languages", () => {
  for (const key of FORM_MESSAGE_KEYS) {
    expect(en.adminForm[key as keyof typeof en.adminForm], key).toBeTruthy();
    expect(zh.adminForm[key as keyof typeof zh.adminForm], key).toBeTruthy();
  }
});
