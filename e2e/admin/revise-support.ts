/**
 * What the retract, redact and cross-agency specs share: accounts, signing in, fresh notices of
 * the demo clerk's agency (published through the real publishing services, see
 * e2e/support/publishing-cli.ts) and waiting for the committer to log a version.
 */
import { execFileSync } from "node:child_process";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const CLERK = { email: "clerk@demo.gongshi.invalid", password: "demo-clerk-password" };
/**
 * An administrator of these specs only: sign-in.spec.ts signs the demo administrator out
 * everywhere while other specs run, which would end this one's session mid-test.
 */
export const ADMIN = { email: "e2e-revise-admin@demo.gongshi.invalid", password: "e2e-revise-admin-password" };
/** A seeded notice of another agency (hp-finance) that no spec changes. */
export const OTHER_AGENCY_NOTICE = "HP-FIN-2026-006";
/** A seeded notice of the demo clerk's agency, only ever opened (never retracted) here. */
export const OWN_AGENCY_NOTICE = "HP-PLAN-2026-024";

const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";

function cli(...args: string[]): unknown {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/support/publishing-cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

export interface FreshNotice {
  noticeId: string;
  title: string;
}

/** A new notice of hp-planning, version 1 (pending until the e2e committer logs it, ~0.5 s). */
export function publishFreshNotice(label: string, attachmentName?: string): FreshNotice {
  const title = `E2E ${label} ${Date.now()}`;
  const fields = {
    title,
    number: `海规资〔2026〕E2E-${Date.now() % 100000}号`,
    category: "规划公示",
    language: "zh-CN",
    effectiveDate: "2026-03-01",
    body: `${label}：端到端测试专用的公示正文。`,
  };
  const args = ["publish", CLERK.email, JSON.stringify(fields), ...(attachmentName ? [attachmentName] : [])];
  const { noticeId } = cli(...args) as { noticeId: string };
  return { noticeId, title };
}

/** Amends with the reason every amendment states (one line; `reason` to choose it). */
export function amendFreshNotice(noticeId: string, baseVersion: number, title: string, extra: Record<string, string> = {}, reason = "端到端测试修订。"): void {
  const fields = { title, category: "规划公示", language: "zh-CN", effectiveDate: "2026-03-02", body: "修订后的端到端测试正文。", ...extra };
  cli("amend", CLERK.email, noticeId, String(baseVersion), JSON.stringify(fields), reason);
}

/** Withholds `paths` of a logged version as the e2e administrator (ensureE2eAdministrator first). */
export function redactVersion(noticeId: string, version: number, paths: string[], basis: string): void {
  cli("redact", ADMIN.email, noticeId, String(version), JSON.stringify(paths), basis);
}

/** Makes sure an administrator with these credentials exists (created once per e2e database). */
export function ensureAdministrator(account: { email: string; password: string }): void {
  cli("admin", account.email, account.password);
}

export function ensureE2eAdministrator(): void {
  ensureAdministrator(ADMIN);
}

export async function signIn(page: Page, account: { email: string; password: string }, locale: "zh-CN" | "en" = "zh-CN"): Promise<void> {
  await page.goto(`/${locale}/admin/sign-in`);
  await page.getByLabel(locale === "en" ? "Email" : "电子邮箱").fill(account.email);
  await page.getByLabel(locale === "en" ? "Password" : "密码").fill(account.password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "登录" }).click();
  // Signing in hashes the password (scrypt): slow on a loaded machine.
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`), { timeout: 30_000 });
}

interface ApiVersion {
  version: number;
  kind: string;
  log: { index: number } | null;
  withheld: { path: string; basis: string; logIndex: number | null }[];
}

/** The notice's versions as the public API serves them, once `ready` holds (polled). */
export async function versionsWhen(request: APIRequestContext, noticeId: string, ready: (versions: ApiVersion[]) => boolean): Promise<ApiVersion[]> {
  let versions: ApiVersion[] = [];
  await expect
    .poll(
      async () => {
        versions = (await (await request.get(`/api/v1/notices/${noticeId}`)).json()).versions;
        return ready(versions);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return versions;
}
