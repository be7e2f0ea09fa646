import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { insertNoticesTogether } from "../support/insert-notice";

/**
 * The browsable log (/log/entries): pages of entries newest first through plain links, what
 * entered between two checkpoints, bad input explained in the visitor's language; the signed
 * note kept inside its box; and the downloads journalists need, linked where they look.
 * Without JavaScript: every one of these must work as links and GET forms.
 */
test.use({ javaScriptEnabled: false });

interface Checkpoint {
  size: number;
  createdAt: string;
}

/** The oldest checkpoints, from the chain API (the seed signs one per demo version; other specs add more). */
async function oldestCheckpoints(request: APIRequestContext): Promise<Checkpoint[]> {
  return (await request.get("/api/v1/log/checkpoints?limit=3")).json();
}

/** Every signed checkpoint, oldest first, paged through the chain API. */
async function allCheckpoints(request: APIRequestContext): Promise<Checkpoint[]> {
  const all: Checkpoint[] = [];
  for (;;) {
    const page: Checkpoint[] = await (await request.get(`/api/v1/log/checkpoints?limit=1000${all.length ? `&after=${all.at(-1)!.size}` : ""}`)).json();
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** A log size below the newest checkpoint's at which no checkpoint was signed, or null. */
function unsignedSize(checkpoints: Checkpoint[]): number | null {
  const signed = new Set(checkpoints.map((c) => c.size));
  for (let size = 1; size < checkpoints.at(-1)!.size; size++) if (!signed.has(size)) return size;
  return null;
}

const listedIndexes = async (page: Page) => await page.getByTestId("log-list-entry").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-index"))));

/** Follows "Older entries" from the current page to the end, returning every index listed. */
async function pageToTheEnd(page: Page, olderName: string): Promise<number[]> {
  const all: number[] = [];
  for (;;) {
    const shown = await listedIndexes(page);
    expect(shown.length).toBeLessThanOrEqual(50);
    all.push(...shown);
    const older = page.getByRole("link", { name: olderName, exact: true });
    if ((await older.count()) === 0) return all;
    await older.click();
    await expect(page).toHaveURL(/[?&]before=\d+/);
  }
}

const descending = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => to - 1 - i);

test("the whole log pages newest first by ?before links, each row telling what the entry records", async ({ page, request }) => {
  await page.goto("/en/log");
  await page.getByTestId("browse-entries").click();
  await expect(page).toHaveURL(/\/en\/log\/entries$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log entries");
  const first = await listedIndexes(page);
  expect(first).toHaveLength(50);
  const newest = first[0]!;
  // Later entries may be logged while this runs (other specs publish); these links stay put.
  expect(await pageToTheEnd(page, "Older entries")).toEqual(descending(0, newest + 1));

  // Back towards the newest: the page after the first page's last entry includes it.
  await page.goto(`/en/log/entries?before=${first.at(-1)}`);
  await page.getByRole("link", { name: "Newer entries", exact: true }).click();
  expect(await listedIndexes(page)).toContain(first.at(-1));

  // A row: the entry's index, kind and log time as the log records them; the agency by name.
  const row = page.locator('[data-testid="log-list-entry"][data-index="0"]');
  await page.goto("/en/log/entries?before=1");
  const api = await (await request.get("/api/v1/log/entries/0")).json();
  const leaf = JSON.parse(Buffer.from(api.leaf, "base64").toString("utf8"));
  await expect(row.getByRole("link", { name: "Entry #0" })).toHaveAttribute("href", "/en/log/entries/0");
  await expect(row.locator(`time[datetime="${leaf.loggedAt}"]`)).toBeVisible();
  await expect(row.getByTestId("log-list-kind")).toHaveText({ publish: "Published", amend: "Amended", correct: "Corrected", retract: "Retracted" }[leaf.kind as string]!);
  await expect(row.getByTestId("log-list-notice")).toHaveAttribute("href", `/en/n/${leaf.notice}/v/${leaf.version}`);
  const { agencies } = (await (await request.get("/api/v1/agencies")).json()) as { agencies: { id: string; nameEn: string }[] };
  await expect(row.getByTestId("log-list-agency")).toHaveAttribute("href", `/en/agencies/${leaf.agency}`);
  await expect(row.getByTestId("log-list-agency")).toHaveText(agencies.find((a) => a.id === leaf.agency)!.nameEn);

  // The title is the one the version's own page shows, marked with the notice's language.
  await page.goto(`/en/n/${leaf.notice}/v/${leaf.version}`);
  const heading = page.getByRole("heading", { level: 1 });
  const [title, lang] = [await heading.textContent(), await heading.getAttribute("lang")];
  await page.goto("/en/log/entries?before=1");
  await expect(row.getByTestId("log-list-notice")).toHaveText(title!);
  await expect(row.getByTestId("log-list-notice")).toHaveAttribute("lang", lang!);
});

test("what entered between two checkpoints: exactly the entries [M, N), stated with both checkpoints", async ({ page, request }) => {
  const [c1, c2] = await oldestCheckpoints(request);
  expect(c2!.size).toBeGreaterThan(c1!.size);

  // The seed's second checkpoint added its redactions: the list says so, entry by entry.
  await page.goto(`/en/log/entries?from=${c1!.size}&to=${c2!.size}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`What entered the log between checkpoints ${c1!.size} and ${c2!.size}`);
  expect(await listedIndexes(page)).toEqual(descending(c1!.size, c2!.size));
  const count = c2!.size - c1!.size;
  const entries = count === 1 ? `Entry ${c1!.size}` : `Entries ${c1!.size}–${c2!.size - 1}`;
  const statement = page.getByTestId("range-statement");
  await expect(statement).toContainText(`${entries}${count === 1 ? "" : ` (${count} entries)`} entered the log between the checkpoint of size ${c1!.size} (`);
  await expect(statement).toContainText(`) and the checkpoint of size ${c2!.size} (`);
  for (const index of descending(c1!.size, c2!.size)) {
    const api = await (await request.get(`/api/v1/log/entries/${index}`)).json();
    const leaf = JSON.parse(Buffer.from(api.leaf, "base64").toString("utf8"));
    await expect(page.locator(`[data-testid="log-list-entry"][data-index="${index}"] [data-testid="log-list-kind"]`)).toHaveText(leaf.kind === "redact" ? "Withheld" : /.+/);
  }

  // From the start of the log to a checkpoint more than a page in, in Chinese, paged by links that keep the range.
  const far = (await allCheckpoints(request)).find((c) => c.size > 50);
  expect(far, "a checkpoint of more than 50 entries").toBeDefined();
  await page.goto(`/zh-CN/log/entries?from=0&to=${far!.size}`);
  await expect(page.getByTestId("range-statement")).toContainText(`记录 0–${far!.size - 1}（共 ${far!.size} 条）于日志起点与规模为 ${far!.size} 的检查点（`);
  expect(await pageToTheEnd(page, "较早的记录")).toEqual(descending(0, far!.size));
  await expect(page).toHaveURL(new RegExp(`from=0&to=${far!.size}&before=`));
});

test("each checkpoint in the chain links to the entries it added", async ({ page }) => {
  await page.goto("/zh-CN/log");
  const sizes = (await page.getByTestId("checkpoint-size").allTextContents()).map(Number);
  const link = page.getByTestId("checkpoint-row").first().getByTestId("checkpoint-entries");
  await expect(link).toHaveText(`检查点 ${sizes[0]} 新增的记录`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/log/entries\\?from=${sizes[1]}&to=${sizes[0]}$`));
  expect(await listedIndexes(page)).toEqual(descending(sizes[1]!, sizes[0]!).slice(0, 50));
});

test("bad ranges and positions are explained in the visitor's language, keeping what was typed, never a 500", async ({ page, request }) => {
  const [c1, c2] = await oldestCheckpoints(request);
  // Two notices stored in one transaction are logged in one batch, under one checkpoint: a size
  // inside that batch was never signed.
  const stamp = Date.now().toString(36).toUpperCase();
  const fields = (n: number) => ({
    title: `日志区间测试 ${stamp}-${n}`,
    number: `测〔2026〕${n}号`,
    category: "planning",
    language: "zh-CN",
    effectiveDate: "2026-03-01",
    body: "端到端测试。",
  });
  insertNoticesTogether([1, 2].map((n) => ({ noticeId: `E2E-GAP-${stamp}-${n}`, agencyId: "hp-planning", fields: fields(n) })));
  await expect.poll(async () => unsignedSize(await allCheckpoints(request)), { timeout: 30_000 }).not.toBeNull();
  const unsigned = unsignedSize(await allCheckpoints(request))!;
  const big = "99999999999";
  const cases = [
    { query: "from=abc", en: "“abc” is not a checkpoint size.", zh: "“abc”不是检查点规模。", invalid: ["from"] },
    { query: `from=${c1!.size}&to=1.5`, en: "“1.5” is not a checkpoint size.", zh: "“1.5”不是检查点规模。", invalid: ["to"] },
    {
      query: `from=${c2!.size}&to=${c1!.size}`,
      en: `The first checkpoint (${c2!.size}) is larger than the second (${c1!.size}).`,
      zh: `起始检查点（${c2!.size}）大于结束检查点（${c1!.size}）。`,
      invalid: ["from", "to"],
    },
    { query: `to=${big}`, en: "there is no checkpoint of size 99,999,999,999.", zh: "没有规模为 99,999,999,999 的检查点。", invalid: ["to"] },
    { query: `from=${unsigned}`, en: `The log published no checkpoint of size ${unsigned}.`, zh: `日志没有发布过规模为 ${unsigned} 的检查点。`, invalid: ["from"] },
    { query: "before=-3", en: "“-3” is not a position in the log", zh: "“-3”不是日志中的位置", invalid: [] },
  ];
  for (const locale of ["en", "zh-CN"] as const) {
    for (const c of cases) {
      const response = await page.goto(`/${locale}/log/entries?${c.query}`);
      expect(response?.status(), c.query).toBe(200);
      await expect(page.getByTestId("range-error"), c.query).toContainText(locale === "en" ? c.en : c.zh);
      await expect(page.getByTestId("log-list-entry")).toHaveCount(0);
      for (const name of ["from", "to"] as const) {
        const field = page.locator(`#range-${name}`);
        if (c.invalid.includes(name)) await expect(field, `${c.query} ${name}`).toHaveAttribute("aria-invalid", "true");
        else await expect(field, `${c.query} ${name}`).not.toHaveAttribute("aria-invalid");
      }
    }
  }

  // Typed into the form: the message, with both values kept.
  await page.goto("/en/log/entries");
  await page.getByLabel("From checkpoint size").fill(String(c2!.size));
  await page.getByLabel("To checkpoint size").fill(String(c1!.size));
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page.getByTestId("range-error")).toContainText("is larger than the second");
  await expect(page.getByLabel("From checkpoint size")).toHaveValue(String(c2!.size));
  await expect(page.getByLabel("To checkpoint size")).toHaveValue(String(c1!.size));
  // And a good range from the same form.
  await page.getByLabel("From checkpoint size").fill(String(c1!.size));
  await page.getByLabel("To checkpoint size").fill(String(c2!.size));
  await page.getByRole("button", { name: "Show entries" }).click();
  expect(await listedIndexes(page)).toEqual(descending(c1!.size, c2!.size));
});

test("the signed note wraps inside its box on a phone and on a desktop", async ({ page }, testInfo) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const locale of ["zh-CN", "en"]) {
      await page.goto(`/${locale}/log`);
      const note = page.getByTestId("checkpoint-note");
      const fits = await note.evaluate((pre) => {
        const box = pre.getBoundingClientRect();
        const section = pre.parentElement!.getBoundingClientRect();
        return {
          scrolls: pre.scrollWidth > pre.clientWidth,
          inside: box.left >= section.left && box.right <= section.right,
          pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
        };
      });
      expect(fits, `${locale} at ${width}px`).toEqual({ scrolls: false, inside: true, pageScrolls: false });
      await page.screenshot({ path: testInfo.outputPath(`log-${locale}-${width}.png`), fullPage: true });
    }
  }
});

test("the notices list and an agency page link the CSV export and the agency proof bundles, which download", async ({ page, request }) => {
  const download = async (href: string, type: RegExp) => {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toMatch(type);
    expect(response.headers()["content-disposition"], href).toMatch(/^attachment; filename=/);
    return response;
  };
  for (const locale of ["zh-CN", "en"]) {
    await page.goto(`/${locale}/notices?agency=hp-planning`);
    const box = page.getByTestId("data-downloads");
    const csv = (await box.getByTestId("csv-download").getAttribute("href"))!;
    expect(csv).toBe(`/api/v1/notices.csv?agency=hp-planning&locale=${locale}`);
    const rows = (await (await download(csv, /^text\/csv/)).text()).trim().split("\r\n");
    expect(rows.length).toBeGreaterThan(1);
    await expect(box.getByTestId("bundle-download")).toHaveCount(1);
    await expect(box.getByTestId("bundle-download")).toHaveAttribute("href", "/api/v1/agencies/hp-planning/bundle");
    await expect(box.getByRole("link", { name: locale === "en" ? "How to verify downloads offline" : "如何离线核验下载的文件" })).toHaveAttribute(
      "href",
      `/${locale}/about#journalists`,
    );

    // Unfiltered: one bundle per agency that has notices.
    await page.goto(`/${locale}/notices`);
    expect(await page.getByTestId("bundle-download").count()).toBeGreaterThan(1);

    await page.goto(`/${locale}/agencies/hp-planning`);
    const agencyBox = page.getByTestId("data-downloads");
    await expect(agencyBox.getByTestId("csv-download")).toHaveAttribute("href", `/api/v1/notices.csv?agency=hp-planning&locale=${locale}`);
    const bundleHref = (await agencyBox.getByTestId("bundle-download").getAttribute("href"))!;
    const bundles = await (await download(bundleHref, /^application\/json/)).json();
    expect(bundles.format).toBe("gongshi/proof-bundles/v1");
    expect(bundles.bundles.length).toBeGreaterThan(0);
    for (const b of bundles.bundles) expect(b.agency).toBe("hp-planning");
  }
});

test("the about page has a section for journalists on gongshi-verify and the downloads, in both languages", async ({ page, request }) => {
  for (const [locale, heading] of [
    ["en", "For journalists: verify offline with gongshi-verify"],
    ["zh-CN", "供记者使用：用 gongshi-verify 离线核验"],
  ] as const) {
    await page.goto(`/${locale}/about`);
    const section = page.getByRole("region", { name: heading });
    await expect(section.getByRole("heading", { level: 2 })).toHaveText(heading);
    for (const option of ["--key", "--checkpoint", "--attachment"]) await expect(section.getByTestId("cli-usage")).toContainText(option);
    await expect(section.getByRole("link", { name: locale === "en" ? "each agency's page" : "各机构页面" })).toHaveAttribute("href", `/${locale}/agencies`);
    const csv = (await section.getByRole("link", { name: locale === "en" ? "All notices as CSV" : "全部公示（CSV）" }).getAttribute("href"))!;
    const response = await request.get(csv);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  }
});

// axe runs inside the page, so these need JavaScript; the markup is the same either way.
test.describe("accessibility of the new and changed pages", () => {
  test.use({ javaScriptEnabled: true });
  const paths = ["/log", "/log/entries", "/log/entries?from={c1}&to={c2}", "/log/entries?from={c2}&to={c1}", "/notices", "/agencies/hp-planning", "/about"];
  for (const locale of ["zh-CN", "en"]) {
    for (const path of paths) {
      test(`${locale}${path} has no WCAG 2.2 A/AA violations`, async ({ page, request }) => {
        const [c1, c2] = await oldestCheckpoints(request);
        await page.goto(`/${locale}${path.replace("{c1}", String(c1!.size)).replace("{c2}", String(c2!.size))}`);
        expect(await axeViolations(page, "normal")).toEqual([]);
      });
    }
  }
});
