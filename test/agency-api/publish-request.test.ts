/**
 * Reading the body of POST /api/v1/notices: the size limit is enforced while streaming (413
 * before the rest is read), both encodings give the same request, and anything unexpected —
 * an unknown member or part, bad base64, a file over the limit — is refused with a message
 * naming it.
 */
import { describe, expect, it } from "vitest";
import { API_MAX_ATTACHMENTS, bodyLimit, parsePublishRequest, readLimitedBody } from "@/lib/server/api/agency/publish-request";

const fields = { title: "T", category: "C", language: "en", effectiveDate: "2026-12-01", body: "B" };
const utf8 = (s: string) => new TextEncoder().encode(s);

function streamOf(chunks: number, chunkSize: number): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkSize));
    },
  });
  return { request: new Request("http://x/api/v1/notices", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("readLimitedBody", () => {
  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://x/", { method: "POST", body: "x".repeat(10), headers: { "content-length": "10" } });
    await expect(readLimitedBody(request, 5)).rejects.toMatchObject({ code: "payload-too-large" });
  });

  it("stops reading a stream as soon as it passes the limit", async () => {
    const { request, pulled } = streamOf(1000, 1024);
    await expect(readLimitedBody(request, 10 * 1024)).rejects.toMatchObject({ code: "payload-too-large" });
    expect(pulled()).toBeLessThan(20);
  });

  it("returns a body within the limit whole", async () => {
    const { request } = streamOf(3, 100);
    expect((await readLimitedBody(request, 300)).length).toBe(300);
  });

  it("leaves room for every attachment at the limit, base64-encoded", () => {
    expect(bodyLimit(3 * 1024)).toBeGreaterThan(10 * 4 * 1024);
    // Exactly the base64 size of API_MAX_ATTACHMENTS files at the limit, on top of the envelope.
    expect(bodyLimit(3 * 1024) - bodyLimit(0)).toBe(API_MAX_ATTACHMENTS * 4 * 1024);
  });
});

describe("parsePublishRequest", () => {
  it("reads JSON with base64 attachments and multipart with file parts alike", async () => {
    const json = await parsePublishRequest(
      "application/json; charset=utf-8",
      utf8(JSON.stringify({ fields, attachments: [{ fileName: "a.txt", mediaType: "text/plain", contentBase64: "aGk=" }] })),
      100,
    );
    const form = new FormData();
    form.set("notice", JSON.stringify({ fields }));
    form.append("attachment", new File(["hi"], "a.txt", { type: "text/plain" }));
    const encoded = new Response(form);
    const multipart = await parsePublishRequest(encoded.headers.get("content-type")!, new Uint8Array(await encoded.arrayBuffer()), 100);
    expect(json).toEqual({ fields, attachments: [{ fileName: "a.txt", declaredType: "text/plain", content: utf8("hi") }] });
    expect(multipart).toEqual(json);
  });

  it("reads a JSON attachment of many MiB (its base64 check must not overflow the stack)", async () => {
    const file = new Uint8Array(12 * 1024 * 1024).fill(7);
    const body = utf8(JSON.stringify({ fields, attachments: [{ fileName: "scan.bin", contentBase64: Buffer.from(file).toString("base64") }] }));
    const parsed = await parsePublishRequest("application/json", body, 20 * 1024 * 1024);
    expect(parsed.attachments[0]!.content.length).toBe(file.length);
    for (const bad of ["QUJD=", "QQ===", "QQ==QQ==", "QUJDRA"]) {
      await expect(parsePublishRequest("application/json", utf8(JSON.stringify({ fields, attachments: [{ fileName: "a", contentBase64: bad }] })), 100)).rejects.toThrow(
        /contentBase64/,
      );
    }
  });

  it("refuses unknown members and parts, bad base64, malformed JSON and oversized files", async () => {
    const parse = (body: unknown, max = 100) => parsePublishRequest("application/json", utf8(JSON.stringify(body)), max);
    await expect(parse({ fields, extra: 1 })).rejects.toThrow(/unknown field "extra"/);
    await expect(parse({ fields, attachments: [{ fileName: "a.txt", contentBase64: "not base64!" }] })).rejects.toThrow(/attachments\.0\.contentBase64/);
    await expect(parse({ fields, attachments: [{ fileName: "a.txt", contentBase64: "aGk=", size: 2 }] })).rejects.toThrow(/unknown field "size"/);
    await expect(parse({})).rejects.toThrow(/fields/);
    await expect(parse({ fields, attachments: [{ fileName: "a.txt", contentBase64: "aGVsbG8=" }] }, 4)).rejects.toMatchObject({
      code: "payload-too-large",
      message: expect.stringContaining("attachments.0"),
    });
    await expect(parsePublishRequest("application/json", utf8("{"), 100)).rejects.toThrow(/not valid JSON/);
    const form = new FormData();
    form.set("notice", JSON.stringify({ fields }));
    form.set("file", new File(["hi"], "a.txt"));
    const encoded = new Response(form);
    await expect(parsePublishRequest(encoded.headers.get("content-type")!, new Uint8Array(await encoded.arrayBuffer()), 100)).rejects.toThrow(/unknown part "file"/);
  });
});
