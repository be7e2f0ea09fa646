import { expect, test, type Page } from "@playwright/test";
import { startMailSink, type MailSink, type SunkMail } from "../../scripts/mail-sink";
import { E2E_MAIL_SINK_PORT } from "../support/mail-sink-port";
import { axeViolations } from "../a11y/axe-check";
import { publishFreshNotice } from "../admin/revise-support";

/**
 * Email alerts in the real browser against the production build: the subscribe form (with its
 * localized error that keeps what was typed), the mailed confirmation link and its page, a
 * digest sent by the server's loop, and unsubscribing — by the page's button and by RFC 8058's
 * one-click POST. The mail is read from a real SMTP sink this spec starts on the port the e2e
 * portal sends to (playwright.config.ts). Zero axe violations on every alert page.
 */
let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink({ port: E2E_MAIL_SINK_PORT });
});
test.afterAll(async () => {
  await sink?.close();
});

const address = (label: string) => `e2e-${label}-${Date.now()}@example.org`;
const linkIn = (mail: SunkMail, kind: "confirm" | "unsubscribe") => {
  const match = new RegExp(`https?://[^\\s]+/(?:en|zh-CN)/alerts/${kind}/gsa_[A-Za-z0-9_-]{43}`).exec(mail.text);
  expect(match, mail.text).not.toBeNull();
  return match![0];
};

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page, "normal")).toEqual([]);
}

test.describe("email alerts", () => {
  test("English: subscribe to an agency, confirm, get a digest, unsubscribe with one click", async ({ page, request }) => {
    await page.goto("/en/agencies/hp-planning");
    await page.getByTestId("alert-link").click();
    await expect(page).toHaveURL(/\/en\/alerts\/subscribe\?agency=hp-planning$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email alerts");
    await expect(page.getByTestId("alert-what")).toHaveText(/^agency: /);
    await expectNoAxeViolations(page);

    const email = address("en");
    const field = page.getByLabel("Email address");
    await field.fill("not an address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByTestId("alert-error")).toHaveText("Enter a valid email address, such as name@example.com.");
    await expect(field).toHaveValue("not an address");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await field.fill(email);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByTestId("alert-sent")).toContainText(email);

    const confirmation = await sink.next((m) => m.to.includes(email));
    expect(confirmation.subject).toMatch(/^Confirm your Gongshi alert: agency: /);
    await page.goto(linkIn(confirmation, "confirm"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email alert");
    await expect(page.getByText(`Press the button to start email alerts to ${email}`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByTestId("alert-confirm").click();
    await expect(page.getByTestId("alert-confirmed")).toBeVisible();

    const notice = publishFreshNotice("alert digest");
    const digest = await sink.next((m) => m.to.includes(email) && m.text.includes(notice.title));
    expect(digest.text).toContain(`[New] ${notice.title}`);
    expect(digest.text).toMatch(new RegExp(`/en/n/${notice.noticeId}\\b`));

    // RFC 8058: the mail program POSTs to the List-Unsubscribe URL; no page, no button.
    const oneClick = /^<(.+)>$/.exec(digest.headers.get("list-unsubscribe")!)![1]!;
    expect(digest.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const answer = await request.post(new URL(oneClick).pathname, { form: { "List-Unsubscribe": "One-Click" } });
    expect(answer.status()).toBe(200);
    // Again: it has ended.
    expect((await request.post(new URL(oneClick).pathname, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
    // The mail's own link now says so.
    await page.goto(linkIn(digest, "unsubscribe"));
    await expect(page.getByTestId("alert-invalid")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("Chinese: subscribe to a search, confirm, and unsubscribe on the page", async ({ page, request }) => {
    await page.goto(`/zh-CN/notices?q=${encodeURIComponent("规划")}`);
    await page.getByTestId("alert-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("邮件提醒");
    await expect(page.getByTestId("alert-what")).toHaveText("搜索“规划”");
    const field = page.getByLabel("电子邮箱");
    await field.fill("x@");
    await page.getByRole("button", { name: "订阅" }).click();
    await expect(page.getByTestId("alert-error")).toHaveText("请输入有效的电子邮箱地址，例如 name@example.com。");
    await expect(field).toHaveValue("x@");
    await expectNoAxeViolations(page);

    const email = address("zh");
    await field.fill(email);
    await page.getByRole("button", { name: "订阅" }).click();
    await expect(page.getByTestId("alert-sent")).toContainText(email);
    const confirmation = await sink.next((m) => m.to.includes(email));
    expect(confirmation.subject).toBe("请确认您的公示提醒：搜索“规划”");

    // Opening the link (as a mail scanner would) confirms nothing.
    const confirmUrl = linkIn(confirmation, "confirm");
    expect((await request.get(new URL(confirmUrl).pathname)).headers()["cache-control"]).toBe("no-store");
    await page.goto(confirmUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("确认邮件提醒");
    await expect(page.getByTestId("alert-what")).toHaveText("搜索“规划”");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "确认订阅" }).click();
    await expect(page.getByTestId("alert-confirmed")).toHaveText("已确认。相关公示发布或变更时，您将收到邮件。");
    await expectNoAxeViolations(page);

    // The confirmation mail's unsubscribe link: a page with a button.
    await page.goto(linkIn(confirmation, "unsubscribe"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("退订邮件提醒");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "退订" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/alerts\/unsubscribed$/);
    await expect(page.getByTestId("alert-unsubscribed")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(linkIn(confirmation, "unsubscribe"));
    await expect(page.getByTestId("alert-invalid")).toBeVisible();
  });
});
