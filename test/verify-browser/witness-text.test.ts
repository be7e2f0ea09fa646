/**
 * The verifier's witness text as a visitor reads it, in both languages: the steps and the
 * verdict rendered (react-dom/server, next-intl with the real message files) from the results
 * of a real verification under a witness policy — verified with 2 of 2, and waiting with 1 of 2.
 */
import { describe, expect, it } from "vitest";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { verifyBundle, type StepResult } from "@/lib/core/verify";
import { VerdictLine, VerifySteps } from "@/components/verify/verify-steps";
import en from "@/messages/en/verify.json";
import zh from "@/messages/zh-CN/verify.json";
import { sampleLog } from "../verify/fixtures";
import { cosign, demoWitnesses, policyOf } from "../verify/witness-fixtures";

function render(locale: "en" | "zh-CN", results: StepResult[]): string {
  const messages = locale === "en" ? en : zh;
  const children = createElement(Fragment, null, createElement(VerdictLine, { results, done: true }), createElement(VerifySteps, { results }));
  const tree = createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children });
  return renderToStaticMarkup(tree)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe("witness text in the verifier", () => {
  it("says cosigned by 2 of 2, naming each witness, when the quorum is met", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const results = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily, archives]) }, { policy: policyOf([daily, archives]) });
    const text = render("en", results);
    expect(text).toContain(
      "Verified: this version is exactly what the log records, and a checkpoint of the log, cosigned by 2 of 2 witnesses (海平日报 and 海平市档案馆), includes it.",
    );
    expect(text).toContain("Cosigned by 2 of 2: 海平日报 and 海平市档案馆.");
    expect(text).toMatch(/海平日报 \( witness\.haiping-daily\.example\+[0-9a-f]{8} \): cosigned \(/);
    const zhText = render("zh-CN", results);
    expect(zhText).toContain("验证通过");
    expect(zhText).toContain("已获 2 个见证人中的 2 个联署：海平日报和海平市档案馆。");
  });

  it("says waiting for witnesses, naming who has not cosigned, when it is not", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const results = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily]) }, { policy: policyOf([daily, archives]) });
    const text = render("en", results);
    expect(text).toContain("Not verified yet: waiting for witnesses. Cosigned by 1 of 2 (海平日报); not yet cosigned by 海平市档案馆.");
    expect(text).toContain("Witness cosignatures : waiting for witnesses");
    expect(text).toMatch(/海平市档案馆 \( witness\.haiping-archives\.example\+[0-9a-f]{8} \): has not cosigned/);
    expect(text).not.toContain("Verified");
    const zhText = render("zh-CN", results);
    expect(zhText).toContain("尚未验证通过：正在等待见证人。已获 2 个见证人中的 1 个联署（海平日报），尚未联署：海平市档案馆。");
    expect(zhText).toContain("尚未联署");
  });
});
