import { expect, test, type Page } from "@playwright/test";

/**
 * The agency's dates and the time the log proves, told apart on the notice and version pages;
 * times shown with their zone (Asia/Shanghai unless PORTAL_TIME_ZONE says otherwise); the log
 * entry page in the same format, with the agency's name. The demo seed replays its history, so
 * the seeded notice entered the log on the day the agency published it.
 */
const ID = "HP-PLAN-2026-003";
const ZONE = { "zh-CN": "（UTC+8，Asia/Shanghai）", en: " (UTC+8, Asia/Shanghai)" } as const;
const LABELS = {
  "zh-CN": { first: "首次发布（机构所署日期）", entered: "本版本记入公开日志", explain: "记入公开日志的时间由日志自身记录并签名", column: "发布日期（机构所署）" },
  en: {
    first: "First published (agency’s date)",
    entered: "This version entered in the public log",
    explain: "recorded by the log itself and signed into it",
    column: "Published (agency’s date)",
  },
} as const;

async function apiNotice(page: Page, id: string) {
  const response = await page.request.get(`/api/v1/notices/${id}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

/** The calendar day in Haiping (UTC+8) of an instant. */
const haipingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

for (const locale of ["zh-CN", "en"] as const) {
  test(`a notice page tells the agency's dates from the time it entered the public log, with the time zone (${locale})`, async ({ page }) => {
    const notice = await apiNotice(page, ID);
    const first = notice.versions[0];
    const current = notice.versions.at(-1);
    expect(haipingDay(current.log.loggedAt)).toBe(haipingDay(current.createdAt));
    expect(Date.parse(current.log.loggedAt)).toBeGreaterThanOrEqual(Date.parse(current.createdAt));

    await page.goto(`/${locale}/n/${ID}`);
    const details = page.locator("header dl");
    const l = LABELS[locale];
    await expect(details.getByText(l.first, { exact: true })).toBeVisible();
    await expect(details.locator(`time[datetime="${first.createdAt}"]`)).toBeVisible();
    await expect(details.getByText(l.entered, { exact: true })).toBeVisible();
    const entered = page.getByTestId("entered-log");
    await expect(entered).toHaveAttribute("datetime", current.log.loggedAt);
    await expect(entered).toContainText(ZONE[locale]);
    await expect(page.getByTestId("timeline-explain")).toContainText(l.explain);

    // The version history: both times for every version, each time with its zone.
    const history = page.getByRole("region", { name: locale === "en" ? "Version history" : "版本历史" });
    await expect(history.getByRole("columnheader", { name: l.column })).toBeVisible();
    for (const v of notice.versions) await expect(history.locator(`time[datetime="${v.log.loggedAt}"]`)).toContainText(ZONE[locale]);
  });
}

test("a version page labels that version's log time, and the log entry page shows it the same way with the agency's name", async ({ page }) => {
  const notice = await apiNotice(page, ID);
  const v1 = notice.versions[0];
  for (const locale of ["zh-CN", "en"] as const) {
    await page.goto(`/${locale}/n/${ID}/v/1`);
    const entered = page.getByTestId("entered-log");
    await expect(entered).toHaveAttribute("datetime", v1.log.loggedAt);
    const shown = (await entered.textContent())!;
    expect(shown).toContain(ZONE[locale]);

    await page.goto(`/${locale}/log/entries/${v1.log.index}`);
    await expect(page.getByTestId("entry-logged-at")).toHaveText(shown);
    await expect(page.getByTestId("entry-logged-at")).toHaveAttribute("datetime", v1.log.loggedAt);
    const agency = page.getByTestId("entry-agency");
    await expect(agency).toHaveText(locale === "en" ? notice.agency.nameEn : notice.agency.nameZh);
    await expect(agency).toHaveAttribute("href", `/${locale}/agencies/${notice.agency.id}`);
  }
});
