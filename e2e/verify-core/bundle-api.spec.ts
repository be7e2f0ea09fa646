import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_VERIFIER_KEY } from "../support/test-log-key";

/**
 * The journalist's kit against the running server: a downloaded bundle verifies offline with
 * the built CLI and a key the test did not get from the server; bad input is a 4xx JSON error.
 */
const CLI = path.resolve("bin/gongshi-verify.mjs");
const NOTICE = "HP-GOV-2026-039";

function verifyOffline(content: string, ...args: string[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gongshi-e2e-")), "bundle.json");
  writeFileSync(file, content);
  const result = spawnSync(process.execPath, [CLI, file, "--key", E2E_VERIFIER_KEY, ...args], { encoding: "utf8" });
  return { code: result.status, out: result.stdout + result.stderr };
}

test("a version's bundle downloads as a named file and verifies offline with the CLI", async ({ request }) => {
  const response = await request.get(`/api/v1/notices/${NOTICE}/versions/1/bundle`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${NOTICE}-v1.gongshi-proof.json"`);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ format: "gongshi/proof-bundle/v1", notice: NOTICE, version: 1 });
  const { code, out } = verifyOffline(text);
  expect(out).toContain("VERIFIED");
  expect(code).toBe(0);
});

test("a tampered download fails offline at the content step", async ({ request }) => {
  const bundle = await (await request.get(`/api/v1/notices/${NOTICE}/versions/1/bundle`)).json();
  bundle.fields.title = `${bundle.fields.title}（改）`;
  const { code, out } = verifyOffline(JSON.stringify(bundle));
  expect(out).toContain("FAILED at step: content");
  expect(code).toBe(1);
});

test("the tlog-proof download is the bundle's c2sp proof text", async ({ request }) => {
  const response = await request.get(`/api/v1/notices/${NOTICE}/versions/1/tlog-proof`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  expect(await response.text()).toMatch(/^c2sp\.org\/tlog-proof@v1\nindex \d+\n/);
});

test("a notice's and an agency's bundle files verify offline", async ({ request }) => {
  const notice = await request.get(`/api/v1/notices/${NOTICE}/bundle`);
  expect(notice.status()).toBe(200);
  const noticeText = await notice.text();
  expect(JSON.parse(noticeText)).toMatchObject({ format: "gongshi/proof-bundles/v1", next: null });
  expect(verifyOffline(noticeText).code).toBe(0);
  const agencyId = JSON.parse(noticeText).bundles[0].agency;
  const agency = await request.get(`/api/v1/agencies/${agencyId}/bundle`);
  expect(agency.status()).toBe(200);
  const agencyText = await agency.text();
  expect(JSON.parse(agencyText).bundles.length).toBeGreaterThan(0);
  expect(verifyOffline(agencyText).code).toBe(0);
});

const BAD: [string, number][] = [
  [`/api/v1/notices/${NOTICE}/versions/0/bundle`, 404],
  [`/api/v1/notices/${NOTICE}/versions/999/bundle`, 404],
  [`/api/v1/notices/${NOTICE}/versions/01/bundle`, 400],
  [`/api/v1/notices/${NOTICE}/versions/x/tlog-proof`, 400],
  [`/api/v1/notices/${NOTICE}/versions/1/bundle?from=abc`, 400],
  [`/api/v1/notices/${NOTICE}/versions/1/bundle?from=99999999`, 400],
  [`/api/v1/notices/${NOTICE}/versions/1/bundle?junk=1`, 400],
  ["/api/v1/notices/NO-SUCH-NOTICE/bundle", 404],
  ["/api/v1/notices/%3Cscript%3E/versions/1/bundle", 404],
  ["/api/v1/agencies/no-such-agency/bundle", 404],
  ["/api/v1/agencies/BAD_ID/bundle", 404],
  ["/api/v1/agencies/x/bundle?after=-1", 400],
];

for (const [url, status] of BAD) {
  test(`${url} answers ${status} with a JSON error`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(status);
    const body = await response.json();
    expect(body.error.code).toMatch(/^[a-z-]+$/);
  });
}
