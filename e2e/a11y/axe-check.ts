/** The axe-core configuration every accessibility spec shares (public pages, admin pages). */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const READING_MODE_RULES = ["color-contrast", "color-contrast-enhanced", "link-in-text-block", "target-size", "meta-viewport"];

/** Violations as short lines, so a failure says which rule and which element. */
export function summary(violations: { id: string; nodes: { target: unknown }[] }[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

/**
 * Reading mode changes only styles (same markup), so there the rules that depend on styles
 * run — including the AAA contrast level it promises, 7:1 (WCAG 1.4.6).
 */
export async function axeViolations(page: Page, mode: "normal" | "reading"): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (mode === "reading" ? builder.withRules(READING_MODE_RULES) : builder.withTags(WCAG_TAGS)).analyze();
  return summary(results.violations);
}
