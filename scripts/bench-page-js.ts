/**
 * The JavaScript a page makes a browser load before anything is clicked, for bench:portal: the
 * notice page's, and, as its baseline, that of an empty page of the same stack (a one-line App
 * Router app built here with the same node_modules): the floor Next.js and React put under
 * every page, whatever the page does.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface PageJs {
  total: number;
  files: { path: string; raw: number; gzip: number }[];
}

/** Every `<script src>` of `html` but `nomodule` ones (never fetched by browsers that run modules), gzipped. */
export async function scriptsOf(html: string, fetchBody: (src: string) => Promise<Buffer>): Promise<PageJs> {
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const srcs = [...new Set(tags.flatMap((attrs) => [...attrs.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"))))];
  const files = [];
  for (const src of srcs) {
    const body = await fetchBody(src);
    files.push({ path: src, raw: body.length, gzip: gzipSync(body).length });
  }
  // Inline scripts (the RSC payload) are part of the HTML, not of the JavaScript shipped.
  return { total: files.reduce((a, f) => a + f.gzip, 0), files };
}

const ROOT = path.resolve(import.meta.dirname, "..");

const EMPTY_APP: Record<string, string> = {
  "package.json": JSON.stringify({ name: "empty-page", private: true, type: "module" }),
  "next.config.mjs": "export default {};\n",
  "app/layout.tsx": 'export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  // Rendered per request, as the notice page is.
  "app/page.tsx": 'export const dynamic = "force-dynamic";\nexport default function Page() {\n  return <p>Empty.</p>;\n}\n',
};

/** Builds and serves the empty app on `port`, measures its page, and removes it (about a minute). */
export async function emptyPageJs(port: number): Promise<PageJs> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gongshi-empty-page-"));
  try {
    for (const [file, text] of Object.entries(EMPTY_APP)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    // Hard links: a real directory (Turbopack refuses a symlinked node_modules), copied in a second.
    const linked = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
    if (linked.status !== 0) throw new Error(`cp -al node_modules: ${linked.stderr}`);
    const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
    const built = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, encoding: "utf8", env });
    if (built.status !== 0) throw new Error(`empty app: next build failed:\n${built.stdout}${built.stderr}`);
    const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, env, stdio: "ignore" });
    try {
      const base = `http://127.0.0.1:${port}`;
      let html = "";
      for (let attempt = 0; !html; attempt++) {
        try {
          html = await (await fetch(`${base}/`)).text();
        } catch (error) {
          if (attempt > 100) throw error;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
      return await scriptsOf(html, async (src) => Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer()));
    } finally {
      server.kill("SIGTERM");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
