import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "@/lib/server/api/openapi/document";

/** Every route handler's URL path under `dir`, with [param] and [...rest] as {param}. */
function routePaths(dir: string, prefix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...routePaths(full, `${prefix}/${name.replace(/^\[(\.\.\.)?(\w+)\]$/, "{$2}")}`));
    else if (name === "route.ts") out.push(prefix);
  }
  return out;
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();
  const paths = Object.keys(doc.paths as object);

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it("the validator does reject a broken document", async () => {
    const broken = structuredClone(doc) as { paths: Record<string, { get: { parameters: { in: string }[] } }> };
    broken.paths["/api/v1/notices"]!.get.parameters[0]!.in = "body";
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("documents every API and feed route (the API's catch-all 404 aside)", () => {
    const routes = [...routePaths("app/api/v1", "/api/v1"), ...routePaths("app/feeds", "/feeds")].filter((p) => p !== "/api/v1/{rest}");
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(paths, route).toContain(route);
  });

  it("every path parameter is declared with an example, and every $ref resolves", () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, { get: { parameters?: { name: string; in: string; example?: unknown }[] } }>)) {
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        const param = item.get.parameters?.find((p) => p.in === "path" && `{${p.name}}` === name);
        expect(param?.example, `${path} ${name}`).toBeDefined();
      }
    }
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)) expect(schemas, name).toHaveProperty(name!);
  });
});
