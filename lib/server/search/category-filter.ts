import { knownForms, OTHER_CATEGORY, storedForms } from "@/lib/shared/categories/vocabulary";

/**
 * SQL condition: the notice's stored category means one of `slugs`: any spelling the vocabulary
 * maps to it (old free strings in either language, labels, the slug), and for "other" any value
 * it does not know, so every notice with a category is under exactly one facet value. The search
 * page and email alerts both filter with it, so an alert finds what its search finds.
 */
export function categoryFilter(slugs: readonly string[], arg: (value: unknown) => string, column = "category"): string {
  const stored = `${column} = ANY(${arg(slugs.flatMap(storedForms))}::text[])`;
  return slugs.includes(OTHER_CATEGORY) ? `(${stored} OR (${column} <> '' AND ${column} <> ALL(${arg(knownForms())}::text[])))` : stored;
}
