/** The category vocabulary: every stored spelling maps to one entry, and labels stay in one language. */
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  categoryLabel,
  categoryOf,
  categorySlugOf,
  knownForms,
  OTHER_CATEGORY,
  slugLabel,
  storedForms,
  toCategorySlug,
  withCategoryLabel,
} from "@/lib/shared/categories/vocabulary";
import { diffFields } from "@/lib/shared/notices/version-diff";
import { DEMO_NOTICES } from "@/lib/server/seed/demo-notices";
import { DEMO_TRANSLATIONS } from "@/lib/server/seed/demo-translations";

const CJK = /[\u3400-\u9fff]/;

describe("category vocabulary", () => {
  it("has unique slugs, a Chinese and an English label each, and no spelling shared by two entries", () => {
    const slugs = CATEGORIES.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const c of CATEGORIES) {
      expect(c.slug).toMatch(/^[a-z][a-z-]*$/);
      expect(c.label["zh-CN"], c.slug).toMatch(CJK);
      expect(c.label.en, c.slug).not.toMatch(CJK);
    }
    const owner = new Map<string, string>();
    for (const c of CATEGORIES) {
      for (const form of storedForms(c.slug).map((f) => f.toLowerCase())) {
        expect(owner.get(form) ?? c.slug, `${form} is in ${owner.get(form)} and ${c.slug}`).toBe(c.slug);
        owner.set(form, c.slug);
      }
    }
    expect(slugs).toContain(OTHER_CATEGORY);
  });

  it("maps old free strings in either language, labels and slugs to one entry", () => {
    for (const stored of ["城乡规划", "Land use and planning", "planning", "Urban and rural planning", "规划公示"]) expect(categoryOf(stored)?.slug, stored).toBe("planning");
    for (const stored of ["预算公开", "决算公开", "Budget disclosure", "budget"]) expect(categorySlugOf(stored), stored).toBe("budget");
    expect(categorySlugOf("交通管制")).toBe(OTHER_CATEGORY);
    expect(categoryOf("")).toBeNull();
  });

  it("shows a stored value in the page's language, or as committed when the vocabulary does not know it", () => {
    expect(categoryLabel("城乡规划", "en")).toBe("Urban and rural planning");
    expect(categoryLabel("Budget disclosure", "zh-CN")).toBe("预决算公开");
    expect(categoryLabel("交通管制", "en")).toBe("交通管制");
    expect(slugLabel("eia", "en")).toBe("Environmental impact assessment");
    expect(slugLabel("eia", "zh-CN")).toBe("环境影响评价");
  });

  it("takes a clerk's or a URL's choice ignoring case and spaces, but stored values only as SQL compares them", () => {
    expect(toCategorySlug("  public   CONSULTATION ")).toBe("consultation");
    expect(toCategorySlug("no such category")).toBeNull();
    // Stored values are compared exactly (after NFC and trim), as the search filter does in SQL.
    expect(categoryOf("public consultation")).toBeNull();
    expect(storedForms("consultation")).toEqual(expect.arrayContaining(["consultation", "征求意见", "Public consultation"]));
    expect(knownForms()).not.toContain("其他");
    expect(storedForms("nope")).toEqual([]);
  });

  it("is what every demo notice uses, and each demo translation pairs two languages of one category", () => {
    for (const n of DEMO_NOTICES)
      expect(
        CATEGORIES.map((c) => c.slug),
        n.id,
      ).toContain(n.category);
    const byId = new Map(DEMO_NOTICES.map((n) => [n.id, n]));
    expect(DEMO_TRANSLATIONS.length).toBeGreaterThan(0);
    for (const { translationId, originalId } of DEMO_TRANSLATIONS) {
      const [t, o] = [byId.get(translationId), byId.get(originalId)];
      expect(t && o, `${translationId} → ${originalId}`).toBeTruthy();
      expect(t!.language).not.toBe(o!.language);
      expect(t!.category, translationId).toBe(o!.category);
      expect(t!.agency).toBe(o!.agency);
    }
  });

  it("compares fields by label: an old spelling and the slug of one entry are the same category to a reader", () => {
    const old = { title: "t", category: "规划公示" };
    const now = { title: "t", category: "planning" };
    expect(diffFields(old, now).find((f) => f.name === "category")?.change).toBe("changed");
    const shown = diffFields(withCategoryLabel(old, "en"), withCategoryLabel(now, "en"));
    expect(shown.find((f) => f.name === "category")).toMatchObject({ change: "same", value: "Urban and rural planning" });
    const moved = diffFields(withCategoryLabel(old, "zh-CN"), withCategoryLabel({ ...now, category: "land" }, "zh-CN"));
    expect(moved.find((f) => f.name === "category")?.change).toBe("changed");
    expect(withCategoryLabel({ title: "t" }, "en")).toEqual({ title: "t" });
    expect(withCategoryLabel({ category: "not a category" }, "en")).toEqual({ category: "not a category" });
  });
});
