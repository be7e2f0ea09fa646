import { expect as baseExpect, test } from "@playwright/test";
import { fillNotice, fillReason, markdownBody, newDraft, signIn, uniqueWord } from "./editor-support";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });

const BODY = [
  "## Scope",
  "Resurfacing of **Binhai Avenue** between the port gate and the ring road.",
  "## Schedule",
  "Works run from 1 March to 15 March, at night only, with one lane kept open.",
  "## Contact",
  "| Office | Telephone |\n| --- | --- |\n| Roads division | 0000-6123401 |",
].join("\n\n");

/** The Schedule section moved to the end, one word edited in the Scope paragraph. */
const AMENDED = [
  "## Scope",
  "Resurfacing of **Binhai Avenue** between the port gate and the coastal road.",
  "## Contact",
  "| Office | Telephone |\n| --- | --- |\n| Roads division | 0000-6123401 |",
  "## Schedule",
  "Works run from 1 March to 15 March, at night only, with one lane kept open.",
].join("\n\n");

test("the editor's diff preview shows the amended body rendered as the clerk types, with words and a moved section marked", async ({ page }) => {
  test.slow();
  await signIn(page, "en");
  await newDraft(page, "en");
  await fillNotice(page, { title: `Resurfacing ${uniqueWord()}`, category: "Urban and rural planning", body: BODY });
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/notices\/HP-PLANNING-2026-[0-9A-Z]{6}$/);
  await expect(page.getByTestId("log-status")).toHaveText(/is in the log: entry \d+\.$/);

  await page.getByRole("button", { name: "Amend" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/drafts\/[0-9a-f-]{36}$/);
  await (await markdownBody(page, "en")).fill(AMENDED);
  await fillReason(page, "amend", "Scope widened to the coastal road.");
  // The diff follows the typing before anything is saved.
  const body = page.getByTestId("diff-preview").locator('[data-field="body"]');
  await expect(body.locator("del")).toContainText("ring");
  await expect(body.locator("ins")).toContainText("coastal");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await expect(body.locator("del")).toContainText("ring");
  await expect(body.locator("ins")).toContainText("coastal");
  const text = await body.innerText();
  for (const syntax of ["##", "**", "| ", "---"]) expect(text, syntax).not.toContain(syntax);
  await expect(body.getByRole("heading", { level: 4, name: "Scope" })).toBeVisible();
  await expect(body.locator("strong").filter({ hasText: "Binhai Avenue" })).toBeVisible();
  await expect(body.locator('[data-moved="away"]')).toContainText("Schedule");
  await expect(body.locator('[data-moved="here"]').getByRole("heading", { level: 4, name: "Schedule" })).toBeVisible();
  await expect(body.locator("ins, del").filter({ hasText: "one lane kept open" })).toHaveCount(0);

  // Typing in the toolbar editor updates the diff too, unsaved.
  await page.getByRole("button", { name: "Edit with toolbar" }).click();
  const editor = page.getByRole("textbox", { name: "Text", exact: true });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Nightly detours signposted.");
  await expect(body.locator("ins").filter({ hasText: "detours" })).toBeVisible();
});
