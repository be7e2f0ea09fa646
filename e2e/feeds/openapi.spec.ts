import { expect, test } from "@playwright/test";

type Param = { name: string; in: string; example?: unknown; required?: boolean };
type Operation = { parameters?: Param[]; security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> };

/**
 * Every documented GET, called with the document's own examples, answers as documented: 200 with
 * the documented content type, or — for one that needs an agency token — the documented 401.
 */
test("every documented GET answers 200 with the documented content type, or 401 where a token is required", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  const paths = Object.entries(doc.paths as Record<string, { get: Operation }>);
  expect(paths.length).toBeGreaterThan(15);
  for (const [template, { get }] of paths) {
    let path = template;
    const query = new URLSearchParams();
    for (const p of get.parameters ?? []) {
      if (p.example === undefined) continue;
      if (p.in === "path") path = path.replace(`{${p.name}}`, String(p.example));
      else for (const v of [p.example].flat()) query.append(p.name, String(v));
    }
    expect(path, template).not.toContain("{");
    const url = query.size ? `${path}?${query}` : path;
    const answer = await request.get(url);
    if (get.security?.length) {
      expect(get.responses["401"], template).toBeDefined();
      expect(answer.status(), url).toBe(401);
      continue;
    }
    expect(answer.status(), url).toBe(200);
    const [documented] = Object.keys(get.responses["200"]!.content ?? {});
    expect(answer.headers()["content-type"], url).toContain(documented!);
  }
});
