/**
 * The staff notice page as a clerk uses it twice over: a second Amend (or a Correct) opens the
 * draft already open instead of a copy, saying so; the versions table follows the live log
 * status without a reload and lists the newest version first, each with its title.
 */
import { expect as baseExpect, test } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { fillNotice, fillReason, holdCommitter, markdownBody, newDraft, signIn, uniqueWord } from "./editor-support";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });

test("a second Amend opens the same draft; the versions table turns logged with the status line, newest first", async ({ page }) => {
  test.setTimeout(480_000);
  const word = uniqueWord();
  await signIn(page, "en");

  // Published while the committer is held: the page first shows version 1 pending.
  const committer = await holdCommitter();
  let released = false;
  try {
    await newDraft(page, "en");
    await fillNotice(page, { title: `Bridge closure ${word}`, category: "Urban and rural planning", body: "The bridge closes on Monday." });
    await page.getByRole("button", { name: "Publish…" }).click();
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/notices\/HP-PLANNING-2026-[0-9A-Z]{6}$/);
    await expect(page.getByTestId("log-status")).toHaveText("Version 1 is pending: waiting for the next checkpoint.");
    await expect(page.getByTestId("admin-version-log")).toHaveText(["pending"]);
  } finally {
    await committer.release();
    released = true;
  }
  expect(released).toBe(true);
  const noticePage = page.url();
  const noticeId = noticePage.split("/").pop()!;
  // No reload: the table says logged, with the status line's entry.
  await expect(page.getByTestId("log-status")).toHaveAttribute("data-log-index", /^\d+$/);
  const index = await page.getByTestId("log-status").getAttribute("data-log-index");
  await expect(page.getByTestId("admin-version-log")).toHaveText([index!]);

  await page.getByRole("button", { name: "Amend" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/drafts\/[0-9a-f-]{36}$/);
  const draft = page.url();
  await expect(page.getByTestId("draft-opened")).toHaveCount(0);

  await page.goto(noticePage);
  await page.getByRole("button", { name: "Amend" }).click();
  await expect(page).toHaveURL(`${draft}?opened=amend`);
  await expect(page.getByTestId("draft-opened")).toHaveText(/You are editing the existing draft\./);

  await page.goto(noticePage);
  await page.getByRole("button", { name: "Correct" }).click();
  await expect(page).toHaveURL(`${draft}?opened=correct`);
  await expect(page.getByRole("heading", { name: `Draft amendment of ${noticeId}` })).toBeVisible();
  await expect(page.getByTestId("draft-opened")).toHaveText(/^An amendment draft of this notice already exists/);
  expect(await axeViolations(page, "normal")).toEqual([]);
  await page.goto(`/zh-CN/admin/drafts/${draft.split("/").pop()}?opened=correct`);
  await expect(page.getByTestId("draft-opened")).toHaveText(/^本公示已有一份修订草稿/);

  // Publishing the one draft makes version 2, listed above version 1 once logged.
  await page.goto(draft);
  await (await markdownBody(page, "en")).fill("The bridge closes on Tuesday.");
  await fillReason(page, "amend", "The closure moved to Tuesday.");
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(noticePage);
  await expect(page.getByTestId("log-status")).toHaveText(/^Version 2 is in the log: entry \d+\.$/);
  const index2 = await page.getByTestId("log-status").getAttribute("data-log-index");
  await expect(page.getByTestId("admin-version")).toHaveCount(2);
  await expect(page.getByTestId("admin-version")).toHaveText([/^Version 2.*Amended/, /^Version 1/]);
  await expect(page.getByTestId("admin-version-log").first()).toHaveText(index2!);
  await expect(
    page
      .getByTestId("admin-version")
      .first()
      .getByRole("link", { name: `Bridge closure ${word}` }),
  ).toHaveAttribute("href", `/en/n/${noticeId}/v/2`);
  expect(await axeViolations(page, "normal")).toEqual([]);
});
