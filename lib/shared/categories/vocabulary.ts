/**
 * The categories a notice may have: a controlled bilingual vocabulary (docs/decisions.md).
 * Each entry has a stable slug, which is what a notice published since commits as its
 * `category` field, and a label in each UI language. Pure: no I/O, so forms, pages, feeds and
 * tests import it freely.
 *
 * Notices published before the vocabulary committed free text in either language ("城乡规划",
 * "Land use and planning"); their leaves stay as they are. `categoryOf` maps any stored value —
 * a slug, a label in either language, or one of the older free strings listed as `aliases` — to
 * its entry, so facets, filters, lists and feeds show one label per entry in the visitor's
 * language. A stored value that maps to nothing counts as "other" in facets and filters and is
 * shown as it was committed on the notice's own page.
 *
 * Slugs are permanent: notices commit them to the log. Relabel an entry freely; never rename or
 * reuse a slug. To fold an old free string into an entry, add it to `aliases`.
 */

export type CategoryLocale = "zh-CN" | "en";

export interface CategoryEntry {
  slug: string;
  label: Record<CategoryLocale, string>;
  /** Older free strings that mean this entry (labels and the slug match without listing them). */
  aliases: readonly string[];
}

const entry = (slug: string, zh: string, en: string, aliases: string[] = []): CategoryEntry => ({ slug, label: { "zh-CN": zh, en }, aliases });

/** The vocabulary, in the order editors list it; "other" last. */
export const CATEGORIES: readonly CategoryEntry[] = Object.freeze([
  entry("planning", "城乡规划", "Urban and rural planning", ["规划", "规划公示", "Planning", "Land use and planning"]),
  entry("land", "土地管理", "Land administration", ["土地出让", "土地征收", "土地供应", "Land"]),
  entry("consultation", "征求意见", "Public consultation", ["Consultation"]),
  entry("hearing", "听证", "Public hearing", ["听证会", "Hearing"]),
  entry("eia", "环境影响评价", "Environmental impact assessment", ["环评", "EIA"]),
  entry("environment", "生态环境", "Environment", ["环境质量", "环境保护", "Environmental quality"]),
  entry("procurement", "政府采购", "Government procurement", ["采购", "Procurement"]),
  entry("budget", "预决算公开", "Budgets and final accounts", ["预算公开", "决算公开", "预算", "决算", "Budget", "Budget disclosure"]),
  entry("information", "政府信息公开", "Government information disclosure", ["信息公开", "Information disclosure"]),
  entry("regulations", "规章和规范性文件", "Rules and regulations", ["政府规章", "规范性文件", "规章", "Regulation", "Regulations"]),
  entry("appointments", "人事任免", "Appointments and removals", ["任免", "Appointments"]),
  entry("recruitment", "招聘录用", "Recruitment", ["事业单位招聘", "招聘", "公开招聘"]),
  entry("employment", "就业创业", "Employment and entrepreneurship", ["就业", "Employment"]),
  entry("social-insurance", "社会保险", "Social insurance", ["社保"]),
  entry("prices", "价格管理", "Prices", ["价格", "Price regulation"]),
  entry("projects", "建设项目", "Construction projects", ["重点项目", "项目审批", "Projects"]),
  entry("investment", "投资促进", "Investment promotion", ["投资", "Investment policy", "Investment"]),
  entry("transport", "交通运输", "Transport", ["交通", "Traffic"]),
  entry("other", "其他", "Other"),
]);

/** The entry stored values that map to nothing count as, in facets and filters. */
export const OTHER_CATEGORY = "other";

/**
 * Stored values compare exactly after NFC and trimming (a published value already is both), so
 * an SQL filter on the column with `storedForms` finds exactly the notices `categoryOf` maps.
 */
function exact(value: string): string {
  return value.normalize("NFC").trim();
}

/** What a clerk or a URL gives is also matched ignoring letter case and repeated spaces. */
function folded(value: string): string {
  return exact(value).replace(/\s+/g, " ").toLowerCase();
}

const forms = (c: CategoryEntry): string[] => [c.slug, c.label["zh-CN"], c.label.en, ...c.aliases];
const BY_STORED: ReadonlyMap<string, CategoryEntry> = new Map(CATEGORIES.flatMap((c) => forms(c).map((value) => [exact(value), c] as const)));
const BY_FOLDED: ReadonlyMap<string, CategoryEntry> = new Map(CATEGORIES.flatMap((c) => forms(c).map((value) => [folded(value), c] as const)));
const BY_SLUG: ReadonlyMap<string, CategoryEntry> = new Map(CATEGORIES.map((c) => [c.slug, c]));

/** The entry a stored value (slug, label in either language, older free string) means, or null. */
export function categoryOf(stored: string | null | undefined): CategoryEntry | null {
  if (!stored) return null;
  return BY_STORED.get(exact(stored)) ?? null;
}

/** The slug a stored value counts under in facets and filters: its entry's, or "other". */
export function categorySlugOf(stored: string): string {
  return categoryOf(stored)?.slug ?? OTHER_CATEGORY;
}

/**
 * What to show for a stored value in a UI language: its entry's label, or, for a value the
 * vocabulary does not know, the value itself (it is what the notice committed).
 */
export function categoryLabel(stored: string, locale: string): string {
  const found = categoryOf(stored);
  return found ? found.label[locale === "en" ? "en" : "zh-CN"] : stored;
}

/**
 * Fields as a reader compares them: the category as its label in the page's language, so a
 * version that committed the old spelling and one that committed the slug of the same entry
 * show no change, and a real change reads in words rather than slugs.
 */
export function withCategoryLabel(fields: Record<string, string>, locale: string): Record<string, string> {
  return fields.category === undefined ? fields : { ...fields, category: categoryLabel(fields.category, locale) };
}

/** The label of a slug in a UI language (the slug itself if it is not one). */
export function slugLabel(slug: string, locale: string): string {
  const found = BY_SLUG.get(slug);
  return found ? found.label[locale === "en" ? "en" : "zh-CN"] : slug;
}

/** Every stored spelling of an entry (slug, both labels, aliases), for an SQL filter on the column. */
export function storedForms(slug: string): string[] {
  const found = BY_SLUG.get(slug);
  return found ? [...new Set(forms(found).map(exact))] : [];
}

/** Every stored spelling of every entry but "other": a value outside these counts as "other". */
export function knownForms(): string[] {
  return CATEGORIES.filter((c) => c.slug !== OTHER_CATEGORY).flatMap((c) => storedForms(c.slug));
}

/**
 * A clerk's, a URL's or an agency system's choice as a slug: a slug, or a label or alias in
 * either language, ignoring letter case and repeated spaces (agency systems written before the
 * vocabulary send labels). Null if the vocabulary has no such entry.
 */
export function toCategorySlug(input: string): string | null {
  return BY_FOLDED.get(folded(input))?.slug ?? null;
}
