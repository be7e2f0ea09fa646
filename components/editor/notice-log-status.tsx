"use client";
/**
 * Where the notice's latest version stands in the log, kept current without a reload: while
 * it is pending, the public notice API is asked every 1.5 s; polling stops once the version
 * has a log index (a committed entry never changes). Announced politely (aria-live). When the
 * version becomes logged the server-rendered page is refreshed, so what it shows beside this
 * line (the staff page's versions table) says logged too instead of pending.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

const POLL_MS = 1500;

interface NoticeAnswer {
  versions?: { version: number; log: { index: number } | null }[];
}

export function NoticeLogStatus({ noticeId, version, initialIndex }: { noticeId: string; version: number; initialIndex: number | null }) {
  const t = useTranslations("editor");
  const [index, setIndex] = useState(initialIndex);
  const router = useRouter();
  useEffect(() => {
    if (index !== null) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/v1/notices/${encodeURIComponent(noticeId)}`, { cache: "no-store" });
        if (!response.ok) return;
        const answer = (await response.json()) as NoticeAnswer;
        const logged = answer.versions?.find((v) => v.version === version)?.log?.index;
        if (!stopped && typeof logged === "number") {
          setIndex(logged);
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [index, noticeId, version, router]);
  return (
    <p role="status" aria-live="polite" data-testid="log-status" data-log-index={index ?? undefined} className="font-medium">
      {index === null ? t("statusPending", { version }) : t("statusLogged", { version, index })}
    </p>
  );
}
