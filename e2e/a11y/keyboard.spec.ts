import { expect, test, type Page } from "@playwright/test";
import { enableReadingMode, PAGE_TYPES, url } from "./pages";

// The longest files of the suite, of independent tests: spread over both workers rather than
// holding one to the end of the run.
test.describe.configure({ mode: "parallel" });

const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Marks every rendered, enabled interactive element (and every fixed or sticky one) and records how each control looks unfocused. */
async function markControls(page: Page): Promise<Record<string, string>> {
  return page.evaluate((selector) => {
    // The focus look of an element: what a focus indicator changes.
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
    };
    (document.activeElement as HTMLElement | null)?.blur();
    // Fixed and sticky elements, found once: a position is a style, not something scrolling or
    // focus changes, and looking through every element at every Tab stop made this spec slow.
    document.body.querySelectorAll("*").forEach((el) => {
      const position = getComputedStyle(el).position;
      if (position === "fixed" || position === "sticky") el.setAttribute("data-fixed-check", "");
    });
    const unfocused: Record<string, string> = {};
    document.querySelectorAll(selector).forEach((el, i) => {
      if (!el.checkVisibility() || (el as HTMLButtonElement).disabled) return;
      el.setAttribute("data-tab-check", String(i));
      unfocused[String(i)] = style(el);
    });
    return unfocused;
  }, INTERACTIVE);
}

interface Stop {
  id: string | null;
  style: string;
  /** Fixed or sticky elements whose box covers the focused element's box (WCAG 2.4.11). */
  coveredBy: string[];
}

async function currentStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement!;
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const coveredBy: string[] = [];
    for (const other of document.body.querySelectorAll("[data-fixed-check]")) {
      if (other === el || other.contains(el) || el.contains(other)) continue;
      const o = other.getBoundingClientRect();
      const covers = o.left <= box.left && o.right >= box.right && o.top <= box.top && o.bottom >= box.bottom;
      if (covers && o.width > 0 && o.height > 0) coveredBy.push(other.tagName.toLowerCase());
    }
    return { id: el.getAttribute("data-tab-check"), style: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`, coveredBy };
  });
}

/**
 * Reading mode restyles every control the same way, so its focus indicators are checked on the
 * pages with the most kinds of control (links, search box, checkboxes, dates, selects, buttons,
 * file input); the normal mode on every page type.
 */
const READING_MODE_SAMPLE = new Set(["home", "notices list", "notice", "verify"]);

for (const mode of ["normal", "reading"] as const) {
  for (const pageType of PAGE_TYPES.filter((p) => mode === "normal" || READING_MODE_SAMPLE.has(p.name))) {
    (pageType.pending ? test.fixme : test)(
      `${pageType.name} (${mode} mode): Tab reaches every control, each with a visible focus indicator, none hidden under a fixed header`,
      async ({ page, context, baseURL }) => {
        if (mode === "reading") await enableReadingMode(context, baseURL!);
        // A short window, so focused controls far down the page must be scrolled to.
        await page.setViewportSize({ width: 800, height: 500 });
        await page.goto(url("zh-CN", pageType));
        // Wait for the page's controls to be rendered (a streamed 404 page can lag its load event).
        await expect(page.getByRole("main")).toBeVisible();
        const unfocused = await markControls(page);
        const expected = Object.keys(unfocused);
        expect(expected.length).toBeGreaterThan(3);
        const reached = new Set<string>();
        let previous: string | null = null;
        // A date input takes several Tab stops (year, month, day, picker), so allow for them.
        for (let i = 0; i < expected.length * 4 + 5; i++) {
          await page.keyboard.press("Tab");
          const stop = await currentStop(page);
          if (stop.id === null) break; // left the document (or reached an unmarked element)
          if (stop.id === previous) continue; // the next part of the same control
          if (reached.has(stop.id)) break;
          previous = stop.id;
          reached.add(stop.id);
          expect(stop.style, `focus indicator on control ${stop.id}`).not.toBe(unfocused[stop.id]);
          expect(stop.style, `focus indicator on control ${stop.id}`).not.toMatch(/^none .* \| none$/);
          expect(stop.coveredBy, `control ${stop.id} hidden under a fixed element`).toEqual([]);
        }
        expect([...reached].sort()).toEqual(expected.sort());
      },
    );
  }
}

test("the skip link is the first Tab stop on every page type and moves focus into main", async ({ page }) => {
  test.setTimeout(180_000); // one test over every page type
  for (const pageType of PAGE_TYPES.filter((p) => !p.pending)) {
    await page.goto(url("zh-CN", pageType));
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到正文" });
    await expect(skip, pageType.name).toBeFocused();
    await expect(skip, pageType.name).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main"), pageType.name).toBeFocused();
    // The next Tab continues from inside main, not from the top of the page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main, footer")), pageType.name).toBe(true);
  }
});

test("the header is not fixed or sticky, so it can never cover the focused element", async ({ page }) => {
  await page.goto("/zh-CN/log");
  const position = await page
    .locator("body > header, header")
    .first()
    .evaluate((el) => getComputedStyle(el).position);
  expect(["static", "relative"]).toContain(position);
});

for (const mode of ["normal", "reading"] as const) {
  test(`no page type scrolls sideways at 320 px (${mode} mode)`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000); // one test over every page type in both languages
    if (mode === "reading") await enableReadingMode(context, baseURL!);
    await page.setViewportSize({ width: 320, height: 640 });
    const overflowing: string[] = [];
    for (const locale of ["zh-CN", "en"]) {
      for (const pageType of PAGE_TYPES.filter((p) => !p.pending)) {
        await page.goto(url(locale, pageType));
        const { scrollWidth, clientWidth } = await page.evaluate(() => {
          const root = document.scrollingElement!;
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
        });
        if (scrollWidth > clientWidth) overflowing.push(`${url(locale, pageType)}: ${scrollWidth} > ${clientWidth}`);
      }
    }
    expect(overflowing).toEqual([]);
  });
}
