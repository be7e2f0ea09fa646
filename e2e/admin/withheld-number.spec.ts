/**
 * A withheld document number, as a visitor sees it: the page, its citation and the description a
 * shared link shows never put another version's number in its place (lib/shared/notices/effective-fields.ts).
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { amendFreshNotice, ensureE2eAdministrator, publishFreshNotice, redactVersion, versionsWhen } from "./revise-support";

const BASIS = "《中华人民共和国个人信息保护法》第十三条";

// Each test publishes and amends a notice of its own through a separate process, then waits for the log.
test.describe.configure({ timeout: 300_000 });

/** A notice with two logged versions, each with its own number. */
async function amendedNotice(request: APIRequestContext, label: string): Promise<{ noticeId: string; first: string; second: string }> {
  ensureE2eAdministrator();
  const { noticeId, title } = publishFreshNotice(label);
  const second = `海规资〔2026〕更正-${Date.now() % 100000}号`;
  amendFreshNotice(noticeId, 1, `${title}（修订）`, { number: second });
  await versionsWhen(request, noticeId, (v) => v.length === 2 && v.every((x) => x.log !== null));
  const first = (await (await request.get(`/api/v1/notices/${noticeId}`)).json()).versions[0].fields.number as string;
  expect(first).toBeTruthy();
  return { noticeId, first, second };
}

async function expectNoNumber(page: Page, numbers: string[]): Promise<void> {
  await expect(page.locator('[data-banner="withheld"]').filter({ hasText: "Document number" })).toContainText(BASIS);
  const description = (await page.locator('meta[name="description"]').getAttribute("content")) ?? "";
  for (const number of numbers) {
    await expect(page.getByRole("main")).not.toContainText(number);
    await expect(page.getByTestId("citation")).not.toContainText(number);
    expect(description).not.toContain(number);
  }
}

test("a version whose number is withheld does not show a later version's number, not even in the link description", async ({ page, request }) => {
  const { noticeId, first, second } = await amendedNotice(request, "编号隐去一");
  redactVersion(noticeId, 1, ["number"], BASIS);
  await page.goto(`/en/n/${noticeId}/v/1`);
  await expectNoNumber(page, [first, second]);
  // The current version keeps its own number.
  await page.goto(`/en/n/${noticeId}`);
  await expect(page.getByTestId("citation")).toContainText(second);
});

test("the current version's withheld number is not replaced by the earlier version's", async ({ page, request }) => {
  const { noticeId, first, second } = await amendedNotice(request, "编号隐去二");
  redactVersion(noticeId, 2, ["number"], BASIS);
  await page.goto(`/en/n/${noticeId}`);
  await expectNoNumber(page, [first, second]);
  // Version 1's own number was not withheld: its permalink still cites it.
  await page.goto(`/en/n/${noticeId}/v/1`);
  await expect(page.getByTestId("citation")).toContainText(first);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(first);
});
