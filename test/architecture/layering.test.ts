/**
 * The layering rules of .dependency-cruiser.cjs, run as `npm run depcruise` runs them (the CLI,
 * the repository's config) on small trees written for each case: a tree that keeps the rules
 * passes, and each kind of violation fails the run with its rule's name and the import.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const made: string[] = [];

/** Writes `files` into a fresh directory shaped like the repository and runs depcruise there. */
function cruise(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-layering-"));
  made.push(dir);
  // The packages the rules name (react, server-only, @noble) resolve as in the repository.
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"), "dir");
  const tree: Record<string, string> = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", jsx: "react-jsx", paths: { "@/*": ["./*"] } } }),
    "app/layout.tsx": "export default function Layout() { return null; }\n",
    "components/empty.ts": "export {};\n",
    "lib/empty.ts": "export {};\n",
    ...files,
  };
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const bin = join(repo, "node_modules/.bin/depcruise");
  return new Promise((resolve) => {
    execFile(bin, ["app", "components", "lib", "--config", join(repo, ".dependency-cruiser.cjs"), "--output-type", "err"], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

/**
 * Modules each layer may use: the core with @noble, a component with a shared (pure) module and a
 * server module's type, a route with its own folder's files and lib/; and a cycle made only of types.
 */
const allowed: Record<string, string> = {
  "lib/core/log/hash.ts": 'import { sha256 } from "@noble/hashes/sha2.js";\nexport const hash = (b: Uint8Array) => sha256(b);\n',
  "lib/core/verify/check.ts": 'import { hash } from "@/lib/core/log/hash";\nexport const check = (b: Uint8Array) => hash(b).length === 32;\n',
  "lib/server/db/client.ts": 'import "server-only";\nexport const db = () => ({});\n',
  "lib/server/notices/get-notice.ts":
    'import "server-only";\nimport { db } from "@/lib/server/db/client";\nexport interface NoticeDto { id: string }\nexport const getNotice = (id: string): NoticeDto => (db(), { id });\n',
  "lib/shared/notices/notice-title.ts": "export const noticeTitle = (id: string) => `Notice ${id}`;\n",
  "components/notice-view.tsx":
    'import type { NoticeDto } from "@/lib/server/notices/get-notice";\nimport { noticeTitle } from "@/lib/shared/notices/notice-title";\nexport function NoticeView({ notice }: { notice: NoticeDto }) { return <h1>{noticeTitle(notice.id)}</h1>; }\n',
  "app/[locale]/n/[id]/page.tsx":
    'import { NoticeView } from "@/components/notice-view";\nimport { getNotice } from "@/lib/server/notices/get-notice";\nimport { pageTitle } from "./page-title";\nexport default function Page() { return <NoticeView notice={getNotice(pageTitle)} />; }\n',
  "app/[locale]/n/[id]/page-title.ts": 'export const pageTitle = "n";\n',
  // A cycle closed by a type-only import: erased when compiled.
  "lib/server/seed/notices.ts": 'import { LAND } from "./notices-land";\nexport interface Demo { id: string }\nexport const ALL = [...LAND];\n',
  "lib/server/seed/notices-land.ts": 'import type { Demo } from "./notices";\nexport const LAND: Demo[] = [{ id: "L1" }];\n',
};

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("npm run depcruise", () => {
  it("passes a tree that keeps the layering", async () => {
    const { code, output } = await cruise(allowed);
    expect(output).toContain("no dependency violations found");
    expect(code).toBe(0);
  });

  it("fails each violation, naming its rule and the import", async () => {
    const { code, output } = await cruise({
      ...allowed,
      // The core reaching for a framework, the database, node: I/O and another lib/ module.
      "lib/core/log/uses-react.ts": 'import { useState } from "react";\nexport const s = useState;\n',
      "lib/core/verify/uses-db.ts": 'import { db } from "@/lib/server/db/client";\nexport const d = db;\n',
      "lib/core/verify/uses-fs.ts": 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
      "lib/core/log/uses-lib.ts": 'import { noticeTitle } from "@/lib/shared/notices/notice-title";\nexport const t = noticeTitle;\n',
      // A shared module reaching into the server.
      "lib/shared/notices/uses-server.ts": 'import { getNotice } from "@/lib/server/notices/get-notice";\nexport const g = getNotice;\n',
      // A component calling a server module (it imports "server-only"), and the database.
      "components/loads-notice.tsx": 'import { getNotice } from "@/lib/server/notices/get-notice";\nexport const load = getNotice;\n',
      "components/uses-db.tsx": 'import { db } from "@/lib/server/db/client";\nexport const d = db;\n',
      // A route importing another route's files, and a file of its parent folder.
      "app/[locale]/a/page.tsx": 'import { helper } from "../b/helper";\nexport default function A() { return helper; }\n',
      "app/[locale]/b/helper.ts": "export const helper = null;\n",
      "app/[locale]/a/[id]/page.tsx": 'import A from "../page";\nexport default A;\n',
      // Two modules that need each other to load.
      "lib/one.ts": 'import { two } from "./two";\nexport const one = () => two();\n',
      "lib/two.ts": 'import { one } from "./one";\nexport const two = () => one;\n',
    });
    expect(code).not.toBe(0);
    for (const line of [
      "error core-is-pure: lib/core/verify/uses-db.ts → lib/server/db/client.ts",
      "error core-is-pure: lib/core/verify/uses-fs.ts → fs\n",
      "error core-is-pure: lib/core/log/uses-lib.ts → lib/shared/notices/notice-title.ts",
      "error shared-is-shared: lib/shared/notices/uses-server.ts → lib/server/notices/get-notice.ts",
      "error components-not-server: components/loads-notice.tsx → lib/server/notices/get-notice.ts",
      "error components-not-server: components/uses-db.tsx → lib/server/db/client.ts",
      "error routes-independent: app/[locale]/a/page.tsx → app/[locale]/b/helper.ts",
      "error routes-independent: app/[locale]/a/[id]/page.tsx → app/[locale]/a/page.tsx",
      "error no-circular: lib/one.ts →",
    ]) {
      expect(output).toContain(line);
    }
    // The packages resolve through the symlinked node_modules, so their paths are the repository's.
    expect(output).toMatch(/error core-is-pure: lib\/core\/log\/uses-react\.ts → \S*node_modules\/react\//);
    // Nothing the first tree allows is reported alongside.
    expect(output).not.toMatch(/components\/notice-view\.tsx|n\/\[id\]\/page\.tsx|lib\/core\/verify\/check\.ts|lib\/server\/seed\//);
  });
});
