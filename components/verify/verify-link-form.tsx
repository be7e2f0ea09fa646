"use client";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { parseNoticeReference } from "@/lib/browser/verify/notice-reference";
import VerifyPanel from "./verify-panel";

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
