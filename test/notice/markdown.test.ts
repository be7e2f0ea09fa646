import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoticeMarkdown, safeUrl } from "@/lib/shared/markdown/notice-markdown";

const render = (source: string) => renderToStaticMarkup(createElement(NoticeMarkdown, { source }));

/** Executable content in rendered HTML: tags that run or load code, handlers, script URLs. */
function executable(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<\s*(script|iframe|object|embed|style|svg|math|form|base|meta|link)\b/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<[^>]*\son[a-z]+\s*=/gi)) found.push(m[0]);
  for (const m of html.matchAll(/\s(href|src|action|formaction)\s*=\s*"([^"]*)"/gi)) {
    const value = m[2]!
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/[\s\u0000-\u001f]/g, "")
      .toLowerCase();
    if (/^(javascript|vbscript|data):/.test(value) || value === "") found.push(m[0]);
  }
  return found;
}

const HOSTILE: [string, string][] = [
  ["script tag", "<script>window.__pwned=1</script>"],
  ["script tag inline", "text <script>alert(1)</script> more"],
  ["img onerror", '<img src=x onerror="window.__pwned=1">'],
  ["svg onload", "<svg onload=alert(1)>"],
  ["iframe", '<iframe src="javascript:alert(1)"></iframe>'],
  ["javascript link", "[click](javascript:window.__pwned=1)"],
  ["mixed-case javascript link", "[click](JaVaScRiPt:alert(1))"],
  ["javascript link with leading space in angle brackets", "[click](< javascript:alert(1)>)"],
  ["tab inside scheme", "[click](java\tscript:alert(1))"],
  ["entity-encoded scheme", "[click](&#106;avascript:alert(1))"],
  ["hex entity scheme", "[click](&#x6A;avascript:alert(1))"],
  ["data: html link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["vbscript link", "[x](vbscript:msgbox(1))"],
  ["javascript autolink", "<javascript:alert(1)>"],
  ["reference link", "[x][r]\n\n[r]: javascript:alert(1)"],
  ["javascript image", "![x](javascript:alert(1))"],
  ["raw anchor", '<a href="javascript:alert(1)">x</a>'],
  ["html comment smuggling", "<!-- --><script>alert(1)</script>"],
  ["style tag", "<style>body{display:none}</style>"],
];

describe("NoticeMarkdown renders hostile bodies inert", () => {
  it.each(HOSTILE)("%s", (_name, source) => {
    const html = render(source);
    expect(executable(html), html).toEqual([]);
  });

  it("shows raw HTML as the text the clerk typed", () => {
    const html = render("<script>window.__pwned=1</script>");
    expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
  });

  it("keeps the text of a link whose URL is refused, without a link", () => {
    expect(render("[click](javascript:alert(1))")).toBe('<p class="my-3"><span>click</span></p>');
  });

  it("the checker itself notices executable content (so the tests above can fail)", () => {
    expect(executable('<p><a href="javascript:alert(1)">x</a></p>')).not.toEqual([]);
    expect(executable('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(executable("<script>alert(1)</script>")).not.toEqual([]);
    expect(executable('<a href="&#106;avascript:alert(1)">x</a>')).not.toEqual([]);
  });
});

describe("NoticeMarkdown renders ordinary Markdown", () => {
  it("marks external links noopener noreferrer and keeps relative ones plain", () => {
    expect(render("[a](https://example.org/x)")).toContain('href="https://example.org/x" class="text-blue-800 underline" rel="noopener noreferrer nofollow"');
    expect(render("[b](/zh-CN/n/X)")).toMatch(/<a href="\/zh-CN\/n\/X" class="text-blue-800 underline">b<\/a>/);
  });

  it("autolinks bare web addresses (GFM) and mailto", () => {
    expect(render("see www.example.org")).toContain('href="http://www.example.org"');
    expect(render("<mailto:a@example.org>")).toContain('href="mailto:a@example.org"');
  });

  it("renders GFM tables with column headers", () => {
    const html = render("| 办理结果 | 件数 |\n| --- | --- |\n| 予以公开 | 1,087 |");
    expect(html).toContain('<th scope="col"');
    expect(html).toContain("<td");
    expect(html).toContain("1,087");
  });

  it("shifts headings so the shallowest is h2 and none is h1", () => {
    const html = render("## 一、总体情况\n\ntext\n\n### 细节\n\n## 二、依申请公开情况");
    expect(html).not.toContain("<h1");
    expect(html.match(/<h2/g)).toHaveLength(2);
    expect(html).toContain("<h3");
    expect(render("# A\n\n## B")).toMatch(/<h2[^>]*>A<\/h2>.*<h3[^>]*>B<\/h3>/s);
  });

  it("turns images into links instead of loading them", () => {
    const html = render("![plan](https://example.org/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://example.org/p.png"');
  });

  it("safeUrl allows web, mail and relative URLs only", () => {
    expect(safeUrl("https://a.example")).toBe("https://a.example");
    expect(safeUrl("/zh-CN/x")).toBe("/zh-CN/x");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,x")).toBeNull();
    expect(safeUrl("")).toBeNull();
  });
});
