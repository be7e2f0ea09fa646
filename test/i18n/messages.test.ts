import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MESSAGE_AREAS } from "@/i18n/messages";
import { routing } from "@/i18n/routing";

/** Every key path of a messages object, e.g. "site.nav". */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

function area(locale: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`messages/${locale}/${name}.json`, "utf8"));
}

describe("UI messages", () => {
  it.each(MESSAGE_AREAS)("area %s has the same keys in every language, each a non-empty string", (name) => {
    const [first, ...rest] = routing.locales;
    const expected = keyPaths(area(first, name)).sort();
    for (const locale of rest) expect(keyPaths(area(locale, name)).sort()).toEqual(expected);
    for (const locale of routing.locales) {
      for (const path of keyPaths(area(locale, name))) {
        const leaf = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], area(locale, name));
        expect(typeof leaf === "string" && leaf.trim().length > 0, `${locale} ${name}: ${path}`).toBe(true);
      }
    }
  });

  it("no namespace is defined in two areas", () => {
    for (const locale of routing.locales) {
      const seen = new Map<string, string>();
      for (const name of MESSAGE_AREAS) {
        for (const ns of Object.keys(area(locale, name))) {
          expect(seen.get(ns), `${locale}: namespace ${ns} in ${name} and ${seen.get(ns)}`).toBeUndefined();
          seen.set(ns, name);
        }
      }
    }
  });
});
