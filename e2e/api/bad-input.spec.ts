import { expect, test } from "@playwright/test";

/** Every bad parameter is a 4xx in the API's error form; none reaches a 500. */
const CASES: [string, number][] = [
  ["/api/v1/log/entries/abc", 400],
  ["/api/v1/log/entries/-1", 400],
  ["/api/v1/log/entries/01", 400],
  ["/api/v1/log/entries/1e3", 400],
  ["/api/v1/log/entries/99999999", 404],
  ["/api/v1/log/entries/99999999999999999999", 400],
  ["/api/v1/log/proof/inclusion", 400],
  ["/api/v1/log/proof/inclusion?index=x", 400],
  ["/api/v1/log/proof/inclusion?index=0&size=0", 400],
  ["/api/v1/log/proof/inclusion?index=5&size=5", 400],
  ["/api/v1/log/proof/inclusion?index=0&size=99999999", 400],
  ["/api/v1/log/proof/consistency?from=5&to=3", 400],
  ["/api/v1/log/proof/consistency?from=1", 400],
  ["/api/v1/log/proof/consistency?from=1&to=99999999", 400],
  ["/api/v1/log/checkpoints?limit=0", 400],
  ["/api/v1/log/checkpoints?limit=100000", 400],
  ["/api/v1/log/checkpoints?after=-4", 400],
  ["/api/v1/notices/NO-SUCH-NOTICE", 404],
  ["/api/v1/notices/%3Cscript%3E", 404],
  ["/api/v1/notices/x/versions/1/attachments/0", 404],
  ["/api/v1/notices/x/versions/one/attachments/0", 400],
  ["/api/v1/no-such-endpoint", 404],
  ["/log/tile/0/1", 400],
  ["/log/tile/0/x999/999", 404],
  ["/log/tile/7/000", 404],
];

for (const [path, status] of CASES) {
  test(`${path} answers ${status} with a JSON error`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(status);
    const body = await response.json();
    expect(body.error.code).toMatch(/^[a-z-]+$/);
    expect(typeof body.error.message).toBe("string");
  });
}

test("immutable answers carry long-lived cache headers, the head does not", async ({ request }) => {
  expect((await request.get("/api/v1/log/entries/0")).headers()["cache-control"]).toContain("immutable");
  expect((await request.get("/api/v1/log/proof/inclusion?index=0&size=2")).headers()["cache-control"]).toContain("immutable");
  expect((await request.get("/log/tile/0/000.p/1")).headers()["cache-control"]).toContain("immutable");
  expect((await request.get("/log/checkpoint")).headers()["cache-control"]).not.toContain("immutable");
});
