/**
 * What the editor specs share: signing in as the demo clerk, a small valid PDF, a unique word
 * (so each run's notice is found by search), holding the committer back (its advisory lock,
 * lib/server/log-service/commit-pending.ts) so a pending state can be observed deterministically.
 */
import { createHash, randomInt } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { asciiPdf } from "../../lib/server/seed/ascii-pdf";

export const CLERK = { email: "clerk@demo.gongshi.invalid", password: "demo-clerk-password" };
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";
const COMMIT_LOCK_KEY = 0x6c6f67;

export async function signIn(page: Page, locale: "zh-CN" | "en" = "zh-CN", user = CLERK): Promise<void> {
  await page.goto(`/${locale}/admin/sign-in`);
  await page.getByLabel(locale === "en" ? "Email" : "电子邮箱").fill(user.email);
  await page.getByLabel(locale === "en" ? "Password" : "密码").fill(user.password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`), { timeout: 20_000 });
}

export function uniqueWord(): string {
  return Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join("");
}

/** A real one-page PDF whose heading is `text` (the seed's own PDF writer). */
export function smallPdf(text: string): Buffer {
  return Buffer.from(asciiPdf([text]), "latin1");
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Holds the committer's lock until `release` is called: versions stay pending meanwhile. */
export async function holdCommitter(): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [COMMIT_LOCK_KEY]);
  return {
    async release() {
      await client.query("SELECT pg_advisory_unlock($1)", [COMMIT_LOCK_KEY]);
      await client.end();
    },
  };
}

/** Creates a draft of a new notice for the demo clerk's agency and returns its editor URL. */
export async function newDraft(page: Page, locale: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  await page.goto(`/${locale}/admin/notices/new`);
  await page.getByRole("button", { name: locale === "en" ? "Create draft" : "创建草稿" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/drafts/[0-9a-f-]{36}$`), { timeout: 20_000 });
  return page.url();
}

/** Fills every field of the editor (English labels); the category is chosen from the vocabulary by its English label. */
export async function fillNotice(page: Page, fields: { title: string; category: string; body: string; number?: string }): Promise<void> {
  await page.getByLabel("Title").fill(fields.title);
  await page.getByLabel("Document number (发文字号)").fill(fields.number ?? "");
  await page.getByLabel("Category").selectOption({ label: fields.category });
  await page.getByLabel("Language of the notice").selectOption("en");
  await page.getByLabel("Effective date").fill("2026-12-01");
  await (await markdownBody(page, "en")).fill(fields.body);
}

/**
 * The body as Markdown: the editor opens with the toolbar editor (components/editor/rich-text-body.tsx),
 * so this switches to Markdown first; the choice is remembered in the browser for later pages.
 */
export async function markdownBody(page: Page, locale: "zh-CN" | "en" = "zh-CN"): Promise<Locator> {
  const toMarkdown = page.getByRole("button", { name: locale === "en" ? "Edit as Markdown" : "改用 Markdown 编辑" });
  const toToolbar = page.getByRole("button", { name: locale === "en" ? "Edit with toolbar" : "改用工具栏编辑" });
  await expect(toMarkdown.or(toToolbar)).toBeVisible({ timeout: 20_000 });
  if (await toMarkdown.isVisible()) await toMarkdown.click();
  const field = page.getByLabel(locale === "en" ? "Text (Markdown)" : "正文（Markdown）");
  await expect(field).toBeVisible();
  return field;
}

/** Fills the reason an amendment or correction draft must state (one line) and, if given, its detail. */
export async function fillReason(
  page: Page,
  kind: "amend" | "correct",
  reason: string,
  { locale = "en", detail }: { locale?: "zh-CN" | "en"; detail?: string } = {},
): Promise<void> {
  const label = { en: { amend: "Reason for this amendment", correct: "Reason for this correction" }, "zh-CN": { amend: "本次修订的原因", correct: "本次更正的原因" } }[locale][
    kind
  ];
  await page.getByLabel(label).fill(reason);
  if (detail !== undefined) await page.getByLabel(locale === "en" ? "Details (optional)" : "详细说明（可选）").fill(detail);
}
