"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { sha256OfFile } from "@/lib/browser/verify/hash-file";
import { FileDropZone } from "./file-drop-zone";
import { VerifyControl } from "./verify-control";

interface Match {
  kind: string;
  version: number;
  notice: { id: string; title: string };
}

/**
 * Which notice versions have this file as an attachment. Only the SHA-256 computed here is
 * sent; attachment hashes are committed unsalted in the log precisely so this lookup works.
 */
export function VerifyFileLookup() {
  const t = useTranslations("verify.page");
  const inputId = useId();
  const [state, setState] = useState<{ name: string; sha256?: string; matches?: Match[] } | null>(null);
  const [error, setError] = useState("");

  const lookUp = async (file: File | undefined) => {
    setError("");
    if (!file) return;
    setState({ name: file.name });
    let sha256: string;
    try {
      sha256 = await sha256OfFile(file);
    } catch {
      setError(t("error.read"));
      setState(null);
      return;
    }
    setState({ name: file.name, sha256 });
    try {
      const response = await fetch(`/api/v1/notices?q=${sha256}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { exact: Match[] };
      setState({ name: file.name, sha256, matches: body.exact.filter((m) => m.kind === "attachment-sha256") });
    } catch {
      setError(t("error.lookup"));
    }
  };
  return (
    <div className="space-y-3">
      <FileDropZone onFile={(file) => void lookUp(file)} testId="file-drop-zone" className="space-y-1 p-4">
        <label htmlFor={inputId} className="block font-medium">
          {t("fileLabel")}
        </label>
        <input id={inputId} type="file" onChange={(e) => void lookUp(e.currentTarget.files?.[0])} className="block max-w-full" />
        <p className="text-sm text-stone-700">{t("fileDrop")}</p>
      </FileDropZone>
      <p aria-live="assertive" className="font-semibold text-red-800">
        {error}
      </p>
      <div aria-live="polite" className="space-y-2">
        {state && !state.sha256 && <p>{t("hashing")}</p>}
        {state?.sha256 && (
          <p>
            {t("fileHash", { name: state.name })}{" "}
            <code className="break-all font-mono text-xs" data-testid="file-sha256">
              {state.sha256}
            </code>
          </p>
        )}
        {state?.matches && <p>{t("matches", { count: state.matches.length })}</p>}
      </div>
      {state?.matches && state.matches.length > 0 && (
        <ul className="space-y-3" data-testid="file-matches">
          {state.matches.map((m) => (
            <li key={`${m.notice.id}/${m.version}`} className="space-y-2 rounded border border-stone-300 p-3">
              <p>
                {t("match", { id: m.notice.id, version: m.version })}: <span>{m.notice.title}</span>
              </p>
              <VerifyControl noticeId={m.notice.id} version={m.version} label={t("match", { id: m.notice.id, version: m.version })} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
