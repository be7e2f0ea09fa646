/**
 * The verdict a visitor reads first, from the results of real verifications (lib/core/verify on a
 * real log built with lib/core/log) and real attachment digests: what it decides, and the sentence
 * it becomes in both languages (react-dom/server, next-intl with the real message files).
 */
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { attachmentDigest, utf8 } from "@/lib/core/log";
import { verifyBundle, type StepResult } from "@/lib/core/verify";
import { judgeAttachment, type AttachmentOutcome } from "@/lib/browser/verify/attachment-check";
import { mismatchParts, plainVerdict, type PlainVerdict } from "@/lib/browser/verify/plain-verdict";
import { PlainVerdictView } from "@/components/verify/plain-verdict";
import enNotice from "@/messages/en/notice.json";
import enVerify from "@/messages/en/verify.json";
import zhNotice from "@/messages/zh-CN/notice.json";
import zhVerify from "@/messages/zh-CN/verify.json";
import { clone, resealed, sampleLog, SAMPLE } from "../verify/fixtures";
import { cosign, demoWitnesses, policyOf } from "../verify/witness-fixtures";

const SUBJECT = { agencyName: { zh: "海平市规划和自然资源局", en: "Haiping Planning and Natural Resources Bureau" }, loggedAt: "2026-03-01T08:00:00.000Z" };

function render(locale: "en" | "zh-CN", verdict: PlainVerdict): string {
  const messages = locale === "en" ? { ...enVerify, ...enNotice } : { ...zhVerify, ...zhNotice };
  const children = createElement(PlainVerdictView, { verdict, subject: SUBJECT });
  const tree = createElement(NextIntlClientProvider, { locale, messages, timeZone: "Asia/Shanghai", children });
  return renderToStaticMarkup(tree)
    .replace(/&#x27;/g, "'")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function cosignedResults(): Promise<StepResult[]> {
  const { bundle } = await sampleLog();
  const [daily, archives] = demoWitnesses();
  return verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily, archives]) }, { policy: policyOf([daily, archives]) });
}

/** The sample attachment checked against the digest of `bytes`, as if downloaded. */
function downloaded(bytes: Uint8Array | null): AttachmentOutcome {
  return judgeAttachment(0, SAMPLE.attachment.name, SAMPLE.attachment, bytes && attachmentDigest(bytes));
}

describe("judgeAttachment", () => {
  it("accepts the committed bytes and refuses one changed byte, a longer file and no download", () => {
    expect(downloaded(SAMPLE.attachmentBytes).status).toBe("ok");
    const changed = SAMPLE.attachmentBytes.slice();
    changed[3]! ^= 1;
    expect(downloaded(changed).status).toBe("differs");
    expect(downloaded(new Uint8Array([...SAMPLE.attachmentBytes, 0])).status).toBe("differs");
    expect(downloaded(null)).toMatchObject({ status: "unreachable", received: null, committed: { size: SAMPLE.attachment.size } });
  });
});

describe("plainVerdict", () => {
  it("is verified, with the witness count, when every step passes and every attachment is the committed file", async () => {
    const results = await cosignedResults();
    const verdict = plainVerdict(results, [downloaded(SAMPLE.attachmentBytes)], true);
    expect(verdict).toEqual({ kind: "verified", witnesses: 2, attachments: 1 });
    expect(render("en", verdict)).toContain(
      "This is the notice exactly as Haiping Planning and Natural Resources Bureau published it on March 1, 2026; it has not been changed since; confirmed by 2 independent witnesses.",
    );
    expect(render("en", verdict)).toContain("Its attachment was downloaded and checked: it is the file that was published.");
    expect(render("zh-CN", verdict)).toContain("这是海平市规划和自然资源局于2026年3月1日发布的公告原文，发布后未被改动；已由 2 个独立见证方确认。");
  });

  it("fails naming the file when an attachment differs, though every step passed", async () => {
    const results = await cosignedResults();
    const changed = utf8("%PDF-1.4\n% a different plan\n%%EOF\n");
    const verdict = plainVerdict(results, [downloaded(changed)], true);
    expect(verdict).toMatchObject({ kind: "failed", reason: "attachment-differs" });
    expect(render("en", verdict)).toContain("The attachment “规划图.pdf” offered on this page is not the file that was published");
    expect(render("zh-CN", verdict)).toContain("本页提供下载的附件“规划图.pdf”不是发布时的文件");
  });

  it("fails naming the file when an attachment could not be downloaded", async () => {
    const verdict = plainVerdict(await cosignedResults(), [downloaded(null)], true);
    expect(verdict).toMatchObject({ kind: "failed", reason: "attachment-unreachable" });
    expect(render("en", verdict)).toContain("The attachment “规划图.pdf” could not be downloaded, so it could not be checked.");
  });

  it("names the changed part of the notice in words when the content step fails, before any attachment", async () => {
    const { bundle } = await sampleLog();
    const edited = clone(bundle);
    (edited.fields as Record<string, string>).body += " (edited)";
    const results = verifyBundle(resealed(edited));
    const verdict = plainVerdict(results, [downloaded(null)], true);
    expect(verdict).toEqual({ kind: "failed", reason: "content", parts: [{ part: "body" }] });
    expect(render("en", verdict)).toContain("What differs from the record made in the public log at publication: the text.");
    expect(render("zh-CN", verdict)).toContain("与发布时记入公开日志的记录不符的是：正文。");
  });

  it("reports a failed step at once, while the check is still running", async () => {
    const { bundle } = await sampleLog();
    const results = verifyBundle({ ...bundle, inclusionProof: bundle.inclusionProof.slice(1) });
    expect(plainVerdict(results.slice(0, 3), null, false)).toEqual({ kind: "failed", reason: "inclusion" });
    expect(plainVerdict(results.slice(0, 2), null, false)).toEqual({ kind: "pending" });
  });

  it("waits for witnesses when the quorum is not met, and is verified without a count when the page requires none", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const waiting = plainVerdict(verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily]) }, { policy: policyOf([daily, archives]) }), [], true);
    expect(waiting).toEqual({ kind: "waiting", k: 1, n: 2 });
    expect(render("en", waiting)).toContain("only 1 of the 2 independent witnesses");
    const unwitnessed = plainVerdict(verifyBundle(bundle), [], true);
    expect(unwitnessed).toEqual({ kind: "verified", witnesses: null, attachments: 0 });
    expect(render("en", unwitnessed)).toContain("it has not been changed since, as the public log's signed record shows.");
    expect(render("en", unwitnessed)).toContain("This version has no attachments.");
  });
});

describe("mismatchParts", () => {
  it("turns commitment paths into parts of the notice, each once", () => {
    expect(mismatchParts(["title", "number", "attachments/1/name", "attachments/0/sha256", "attachments/0/size", "attachments/2", "agency", "loggedAt"])).toEqual([
      { part: "title" },
      { part: "field", name: "number" },
      { part: "attachmentName", position: 1 },
      { part: "attachmentFile", position: 0 },
      { part: "attachmentList" },
      { part: "identity" },
    ]);
  });
});
