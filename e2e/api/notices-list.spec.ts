import { expect, test } from "@playwright/test";

/** The notices JSON API over the demo data: search, filters, paging, and 400 for bad input. */
test.describe("GET /api/v1/notices", () => {
  test("finds Chinese notices by a two-character word, ranked, with facets", async ({ request }) => {
    const response = await request.get(`/api/v1/notices?q=${encodeURIComponent("公开")}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0].title.length).toBeGreaterThan(0);
    expect(body.facets.agency.length).toBeGreaterThan(0);
    expect(body.facets.agency.reduce((n: number, a: { count: number }) => n + a.count, 0)).toBe(body.total);
  });

  test("filters by agency and pages with a stable total", async ({ request }) => {
    const agencies = (await (await request.get("/api/v1/agencies")).json()).agencies as { id: string; notices: number }[];
    const agency = agencies.find((a) => a.notices > 2)!;
    const first = await (await request.get(`/api/v1/notices?agency=${agency.id}&pageSize=10`)).json();
    expect(first.total).toBe(agency.notices);
    expect(first.hits.every((h: { agency: { id: string } }) => h.agency.id === agency.id)).toBe(true);
    const byTwo = await (await request.get(`/api/v1/notices?agency=${agency.id}&pageSize=10&page=2`)).json();
    expect(byTwo.page).toBe(2);
    expect(byTwo.total).toBe(first.total);
  });

  test("finds a notice exactly by its number", async ({ request }) => {
    const list = await (await request.get("/api/v1/notices?pageSize=10")).json();
    const withNumber = list.hits.find((h: { number: string | null }) => h.number);
    const found = await (await request.get(`/api/v1/notices?q=${encodeURIComponent(withNumber.number)}`)).json();
    expect(found.exact.map((e: { kind: string; notice: { id: string } }) => [e.kind, e.notice.id])).toContainEqual(["number", withNumber.id]);
  });

  for (const query of ["page=0", "page=x", "pageSize=7", "sort=random", "status=active", "from=2026-13-01", "debug=1", `q=${"x".repeat(300)}`, "agency=%3Cscript%3E"]) {
    test(`answers 400 with the problem for ${query.slice(0, 30)}`, async ({ request }) => {
      const response = await request.get(`/api/v1/notices?${query}`);
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("bad-request");
      expect(body.error.problems.length).toBeGreaterThan(0);
    });
  }

  test("hostile search text is not an error", async ({ request }) => {
    const response = await request.get(`/api/v1/notices?q=${encodeURIComponent("'):* | ! & <-> (")}`);
    expect(response.status()).toBe(200);
  });
});
