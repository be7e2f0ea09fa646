/**
 * The README and docs/ name files for operators and engineers to open; after a folder moves, a
 * stale name sends them nowhere. Every repository path written in backticks must exist.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ROOTS = /^(app|lib|components|scripts|bin|docs|e2e|test|prisma|i18n|messages)\/|^(server\.mjs|proxy\.ts|instrumentation\.ts|next\.config\.ts|\.dependency-cruiser\.cjs)$/;

/** Repository paths written in backticks; patterns and placeholders (`lib/server/<domain>/`, `*.ts`) are not names. */
function namedPaths(markdown: string): string[] {
  const paths = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!.replace(/[.,;:)]+$/, ""));
  return paths.filter((p) => ROOTS.test(p) && !/[*<>{}$]/.test(p));
}

const documents = ["README.md", ...readdirSync("docs").map((f) => `docs/${f}`), "lib/server/page-cache/README.md"].filter((f) => f.endsWith(".md"));

describe("paths named in the documentation", () => {
  it("finds names, and not patterns", () => {
    expect(namedPaths("see `lib/core/log/note.ts`, `lib/server/<domain>/` and `app/**/page.tsx`.")).toEqual(["lib/core/log/note.ts"]);
  });

  it.each(documents)("%s names only files that exist", (document) => {
    const missing = namedPaths(readFileSync(document, "utf8")).filter((p) => !existsSync(p));
    expect(missing).toEqual([]);
  });
});
