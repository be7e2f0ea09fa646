/** A server action's bound locale comes from the client: only a known locale is used. */
import { describe, expect, it } from "vitest";
import { actionLocale } from "@/i18n/action-locale";
import { routing } from "@/i18n/routing";

describe("actionLocale", () => {
  it("keeps a known locale and turns anything else into the default one", () => {
    for (const locale of routing.locales) expect(actionLocale(locale)).toBe(locale);
    for (const tampered of ["/evil.example", "//evil.example", "../../x", "EN", "", null, 7, { toString: () => "en" }]) {
      expect(actionLocale(tampered)).toBe(routing.defaultLocale);
    }
  });
});
