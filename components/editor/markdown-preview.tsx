"use client";
/**
 * The body's live preview: the same renderer and sanitizing rules as the public notice page
 * (raw HTML shown as text, unsafe links inert), re-rendered a moment after typing stops so a
 * long body does not re-parse on every keystroke.
 */
import { useEffect, useState } from "react";
import { NoticeMarkdown } from "@/lib/shared/markdown/notice-markdown";

const DEBOUNCE_MS = 250;

export function MarkdownPreview({ source, lang, emptyText }: { source: string; lang?: string; emptyText: string }) {
  const [shown, setShown] = useState(source);
  useEffect(() => {
    const timer = setTimeout(() => setShown(source), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [source]);
  if (shown.trim() === "") return <p className="text-stone-700">{emptyText}</p>;
  return (
    <div lang={lang || undefined} className="notice-body break-words leading-relaxed" data-testid="markdown-preview">
      <NoticeMarkdown source={shown} />
    </div>
  );
}
