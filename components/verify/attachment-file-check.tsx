"use client";
/**
 * "Is the file I have one of this version's attachments?" on the notice page: the file is
 * hashed here (never uploaded) and compared with the SHA-256 and size of each attachment of
 * the version. The hashing code is loaded on the first file, so readers who never use this
 * download none of it.
 */
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { FileDropZone } from "./file-drop-zone";

export interface CheckedAttachment {
  position: number;
  fileName: string;
  sha256: string;
  size: number;
}

type State = { file: string } & ({ step: "hashing" } | { step: "done"; sha256: string; positions: number[] } | { step: "error" });

export function AttachmentFileCheck({ attachments }: { attachments: readonly CheckedAttachment[] }) {
  const t = useTranslations("verify.fileCheck");
  const tn = useTranslations("notice");
  const inputId = useId();
  const headingId = useId();
  const [state, setState] = useState<State | null>(null);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ file: file.name, step: "hashing" });
    try {
      const [{ sha256OfFile }, { matchAttachmentFiles }] = await Promise.all([import("@/lib/browser/verify/hash-file"), import("@/lib/core/verify/attachment-files")]);
      const sha256 = await sha256OfFile(file);
      const [result] = matchAttachmentFiles(attachments, [{ file: file.name, sha256, size: file.size }]);
      setState({ file: file.name, step: "done", sha256, positions: result!.positions });
    } catch {
      setState({ file: file.name, step: "error" });
    }
  };
  const name = (position: number) => {
    const a = attachments[position]!;
    return a.fileName ? `“${a.fileName}”` : tn("nameWithheld", { position: position + 1 });
  };

  return (
    <section aria-labelledby={headingId} className="space-y-3 print:hidden" data-testid="attachment-file-check">
      <h2 id={headingId} className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <FileDropZone onFile={(file) => void check(file)} testId="attachment-drop-zone" className="flex flex-col items-center gap-3 px-4 py-6 text-center">
        <p className="text-base font-medium">
          <span aria-hidden="true">⇩ </span>
          {t("drop")}
        </p>
        <p className="text-sm text-stone-700">{t("or")}</p>
        <input id={inputId} type="file" className="peer sr-only" onChange={(e) => void check(e.currentTarget.files?.[0])} />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded border border-red-800 bg-white px-4 py-2 font-medium text-red-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-800 hover:bg-red-50"
        >
          {t("choose")}
        </label>
      </FileDropZone>
      <div aria-live="polite" className="space-y-1" data-testid="attachment-file-result">
        {state?.step === "hashing" && <p>{t("hashing", { file: state.file })}</p>}
        {state?.step === "error" && <p className="font-semibold text-red-800">{t("readError")}</p>}
        {state?.step === "done" && (
          <>
            {state.positions.length > 0 ? (
              state.positions.map((p) => (
                <p key={p} className="font-semibold text-green-800" data-file-match="yes">
                  <span aria-hidden="true">✓ </span>
                  {t("matches", { file: state.file, n: p + 1, name: name(p) })}
                </p>
              ))
            ) : (
              <p className="font-semibold text-red-800" data-file-match="no">
                <span aria-hidden="true">✗ </span>
                {t("none", { file: state.file })}
              </p>
            )}
            <p className="text-sm">
              {t("sha256")} <code className="font-mono text-xs break-all">{state.sha256}</code>
            </p>
            <p className="text-sm text-stone-700">{t("hint")}</p>
          </>
        )}
      </div>
    </section>
  );
}
