"use client";
/**
 * The Verify button on a notice version. The verifier (lib/core/verify, lib/core/log, Ed25519) is a
 * separate chunk fetched on the first click, so readers who never verify never download it.
 */
import dynamic from "next/dynamic";
import { useState } from "react";
import { useTranslations } from "next-intl";

function Loading() {
  const t = useTranslations("verify");
  return (
    <p role="status" data-verify-status="pending">
      {t("loading")}
    </p>
  );
}

const VerifyPanel = dynamic(() => import("./verify-panel"), { ssr: false, loading: Loading });

/** `bundle`: also offer the version's proof bundle (only for a committed version; the route answers 409 before). */
export function VerifyControl({ noticeId, version, label, bundle = false }: { noticeId: string; version?: number; label?: string; bundle?: boolean }) {
  const t = useTranslations("verify");
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3 print:hidden" data-testid="verify-control">
      {/* Stays in place (with aria-expanded) so keyboard focus is not lost when the panel opens. */}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="rounded border border-red-800 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50"
        >
          <span aria-hidden="true">✓ </span>
          {label ?? t("control")}
        </button>
        {bundle && version !== undefined && (
          <a href={`/api/v1/notices/${encodeURIComponent(noticeId)}/versions/${version}/bundle`} download className="text-blue-800 underline">
            {t("downloadBundle")}
          </a>
        )}
      </div>
      {open && <VerifyPanel key={`${noticeId}/${version ?? ""}`} noticeId={noticeId} version={version} />}
    </div>
  );
}
