/**
 * What the mirror specs share: the mirror's own account of itself (GET /api/v1/mirror), its
 * banner, and the checks on a served checkpoint. The banner and status page wording lives in
 * messages/<locale>/mirror.json; these helpers match only the parts the contract fixes
 * (the origin named on every page, "copy of" / "副本").
 */
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export interface MirrorEvidence {
  kind: string;
  message: string;
  held: { size: number; note: string } | null;
  served: { size: number; note: string } | null;
  entry: { index: number; notice: string | null; version: number | null; field: string | null; file: string | null; expected: string | null; got: string | null } | null;
}

export interface MirrorInfo {
  origin: string;
  size: number;
  verifiedAt: string | null;
  state: "following" | "behind" | "refused";
  evidence: MirrorEvidence | null;
}

export async function mirrorInfo(request: APIRequestContext, mirrorUrl: string): Promise<MirrorInfo> {
  const response = await request.get(`${mirrorUrl}/api/v1/mirror`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The banner of a mirror page: the sentence that names the origin this site copies. */
export function mirrorBanner(page: Page, originUrl: string, locale: "en" | "zh-CN" = "en"): Locator {
  const origin = escape(originUrl.replace(/^https?:\/\//, ""));
  const sentence = locale === "en" ? new RegExp(`copy of (https?://)?${origin}`, "i") : new RegExp(`(https?://)?${origin}\\s*的副本`);
  return page.getByText(sentence).first();
}

/** The root hash line of a signed checkpoint note (origin, size, root, then signatures). */
export function rootOf(note: string): string {
  return note.split("\n")[2]!;
}
