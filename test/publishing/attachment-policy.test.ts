/**
 * Attachments are judged by their bytes: each allowed type is accepted with its real content and
 * refused when the name promises something the content is not; names are made safe to store.
 */
import { describe, expect, it } from "vitest";
import { checkAttachment, sanitizeFileName } from "@/lib/server/publishing/attachment-policy";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** The first local-file header of a ZIP whose first member is `name` (enough for sniffing). */
const zipStartingWith = (name: string, content = "") => concat(bytes(0x50, 0x4b, 0x03, 0x04), new Uint8Array(26), text(name), text(content));

const SAMPLES: Record<string, Uint8Array> = {
  "a.pdf": text("%PDF-1.4\n1 0 obj\n"),
  "a.png": concat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), new Uint8Array(8)),
  "a.jpg": bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16),
  "a.gif": text("GIF89a...."),
  "a.webp": concat(text("RIFF"), new Uint8Array(4), text("WEBPVP8 ")),
  "a.docx": zipStartingWith("[Content_Types].xml", "word/document.xml"),
  "a.xlsx": zipStartingWith("[Content_Types].xml", "xl/workbook.xml"),
  "a.odt": zipStartingWith("mimetype", "application/vnd.oasis.opendocument.text"),
  "a.doc": bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
  "a.csv": text("项目,金额\n教育,100\n"),
  "a.txt": text("纯文本 plain text"),
};

describe("checkAttachment", () => {
  it.each(Object.entries(SAMPLES))("accepts %s with its real content", (fileName, content) => {
    const check = checkAttachment({ fileName, content }, 1024);
    expect(check).toMatchObject({ ok: true, fileName });
  });

  it("gives the media type from the name only after the content agreed", () => {
    expect(checkAttachment({ fileName: "公告.PDF", content: SAMPLES["a.pdf"]!, declaredType: "text/html" }, 1024)).toEqual({
      ok: true,
      fileName: "公告.PDF",
      mediaType: "application/pdf",
    });
  });

  it.each([
    ["a .pdf that is an HTML page", "notice.pdf", text("<html><script>alert(1)</script>")],
    ["a .png that is a PDF", "photo.png", SAMPLES["a.pdf"]!],
    ["a .docx that is a spreadsheet", "report.docx", SAMPLES["a.xlsx"]!],
    ["a .docx that is a bare ZIP", "report.docx", zipStartingWith("evil.exe")],
    ["a .txt that is binary", "readme.txt", bytes(0x4d, 0x5a, 0x90, 0x00)],
    ["a .csv that is not UTF-8", "data.csv", bytes(0xc4, 0xe3, 0xba, 0xc3)],
  ])("refuses %s as a content mismatch", (_label, fileName, content) => {
    expect(checkAttachment({ fileName, content }, 1024)).toEqual({ ok: false, problem: "content-mismatch" });
  });

  it.each(["page.html", "image.svg", "setup.exe", "script.js", "archive.zip", "noextension"])("refuses the type of %s", (fileName) => {
    expect(checkAttachment({ fileName, content: text("x") }, 1024)).toEqual({ ok: false, problem: "type-not-allowed" });
  });

  it("refuses a PDF/HTML polyglot (starts %PDF-, carries a page in its first bytes) and HTML named .pdf", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    for (const text of [
      "%PDF-1.4\n<html><body><script>alert(document.domain)</script></body></html>\n%%EOF",
      "%PDF-1.7\n%\u00e2\u00e3\n<!DOCTYPE html><p>x",
      "%PDF-1.4 <SCRIPT src=//evil.example/x.js></SCRIPT>",
      "%PDF-1.4\n1 0 obj\n<svg onload=alert(1)>",
    ]) {
      expect(checkAttachment({ fileName: "notice.pdf", content: bytes(text) }, 1 << 20)).toEqual({ ok: false, problem: "content-mismatch" });
    }
    expect(checkAttachment({ fileName: "notice.pdf", content: bytes("<html><script>alert(1)</script></html>") }, 1 << 20)).toEqual({ ok: false, problem: "content-mismatch" });
    // A real PDF's header and first object still pass.
    expect(checkAttachment({ fileName: "plan.pdf", content: bytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n") }, 1 << 20)).toMatchObject({
      ok: true,
      mediaType: "application/pdf",
    });
  });

  it("refuses an empty file and one over the limit, and accepts one exactly at it", () => {
    expect(checkAttachment({ fileName: "a.txt", content: new Uint8Array(0) }, 10)).toEqual({ ok: false, problem: "empty" });
    expect(checkAttachment({ fileName: "a.txt", content: text("x".repeat(11)) }, 10)).toEqual({ ok: false, problem: "too-large" });
    expect(checkAttachment({ fileName: "a.txt", content: text("x".repeat(10)) }, 10)).toMatchObject({ ok: true });
  });

  it("refuses a name with nothing usable left", () => {
    expect(checkAttachment({ fileName: "../../..", content: text("x") }, 10)).toEqual({ ok: false, problem: "bad-name" });
  });
});

describe("sanitizeFileName", () => {
  it.each([
    ["../../etc/passwd.txt", "passwd.txt"],
    ["C:\\Users\\clerk\\附件.pdf", "附件.pdf"],
    [".hidden.pdf", "hidden.pdf"],
    ['a<b>:c"d|e?f*.pdf', "abcdef.pdf"],
    ["line\nbreak\u0000.pdf", "linebreak.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["  spaced    name .pdf  ", "spaced name .pdf"],
    ["e\u0301.txt", "\u00e9.txt"],
  ])("%j becomes %j", (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it("shortens a long name to 200 characters and keeps the extension", () => {
    const name = sanitizeFileName(`${"长".repeat(300)}.xlsx`)!;
    expect([...name].length).toBe(200);
    expect(name.endsWith("长.xlsx")).toBe(true);
  });

  it("returns null when nothing is left", () => {
    expect(sanitizeFileName("...")).toBeNull();
    expect(sanitizeFileName("/")).toBeNull();
  });
});
