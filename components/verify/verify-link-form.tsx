"use client";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import VerifyPanel from "./verify-panel";

const NOTICE_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
const IN_PATH = new RegExp(`/n/(${NOTICE_ID})(?:/v/([1-9][0-9]{0,5}))?/?$`);
const BARE_ID = new RegExp(`^${NOTICE_ID}$`);

/** A pasted notice URL (any host: a link from a mirror names the same notice) or a bare notice id. */
export function parseNoticeReference(text: string): { noticeId: string; version?: number } | null {
  const trimmed = text.trim();
  if (BARE_ID.test(trimmed)) return { noticeId: trimmed };
  let path: string;
  try {
    path = new URL(trimmed, "http://x.invalid").pathname;
  } catch {
    return null;
  }
  const match = IN_PATH.exec(decodeURIComponent(path));
  if (!match) return null;
  return match[2] ? { noticeId: match[1]!, version: Number(match[2]) } : { noticeId: match[1]! };
}

export function VerifyLinkForm() {
  const t = useTranslations("verify.page");
  const inputId = useId();
  const [target, setTarget] = useState<{ noticeId: string; version?: number } | null>(null);
  const [error, setError] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseNoticeReference(String(new FormData(event.currentTarget).get("notice") ?? ""));
    setError(parsed ? "" : t("error.badLink"));
    setTarget(parsed);
  };
  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col">
          <label htmlFor={inputId} className="font-medium">
            {t("linkLabel")}
          </label>
          <span id={`${inputId}-hint`} className="text-sm text-stone-700">
            {t("linkHint")}
          </span>
          <input id={inputId} name="notice" type="text" required aria-describedby={`${inputId}-hint`} className="rounded border border-stone-500 px-2 py-1" />
        </div>
        <button type="submit" className="rounded border border-red-800 bg-white px-4 py-1.5 font-medium text-red-800">
          {t("linkSubmit")}
        </button>
      </form>
      <p aria-live="assertive" className="font-semibold text-red-800">
        {error}
      </p>
      {target && (
        <div className="space-y-2">
          <Link href={target.version ? `/n/${target.noticeId}/v/${target.version}` : `/n/${target.noticeId}`} className="text-blue-800 underline">
            {t("openNotice")} ({target.noticeId}
            {target.version ? ` v${target.version}` : ""})
          </Link>
          <VerifyPanel key={`${target.noticeId}/${target.version ?? ""}`} noticeId={target.noticeId} version={target.version} />
        </div>
      )}
    </div>
  );
}
