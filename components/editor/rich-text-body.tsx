"use client";
/**
 * The notice body: a toolbar editor for people who do not write Markdown, and the Markdown
 * itself behind a toggle. The form field is always the <textarea name="body"> (so saving,
 * drafts and a failed form's values work as before); the toolbar editor writes its Markdown
 * into it. The choice of editor is remembered in this browser. Markdown the toolbar editor
 * cannot keep exactly (lib/browser/editor/markdown-round-trip.ts) opens as Markdown, with the reason,
 * and is left untouched until the clerk edits it. Without JavaScript the textarea is all
 * there is.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

const RichEditorSurface = dynamic(() => import("./rich-editor-surface"), { ssr: false });

const MODE_KEY = "gongshi.editor.mode";

type Mode = "starting" | "rich" | "raw";

interface Props {
  initial: string;
  onChange: (body: string) => void;
  maxLength: number;
  invalid: boolean;
  /** Ids of the hint and the error, shared by both editors. */
  describedBy: string;
  className: string;
}

function storedMode(): "rich" | "raw" {
  try {
    return window.localStorage.getItem(MODE_KEY) === "raw" ? "raw" : "rich";
  } catch {
    return "rich";
  }
}

function storeMode(mode: "rich" | "raw") {
  try {
    window.localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}

export function RichTextBody({ initial, onChange, maxLength, invalid, describedBy, className }: Props) {
  const t = useTranslations("editor");
  const tr = useTranslations("editor.rich");
  const [value, setValue] = useState(initial);
  const [mode, setMode] = useState<Mode>("starting");
  /** The toolbar editor is mounted (hidden until it has read the body). */
  const [surface, setSurface] = useState(0);
  const [keptRaw, setKeptRaw] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fromSurface = useRef(false);

  useEffect(() => {
    // After hydration on purpose: the server cannot know the stored choice, so the first
    // render must match its HTML ("starting") before localStorage is read.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (storedMode() === "raw") setMode("raw");
    else setSurface(1);
  }, []);

  useEffect(() => {
    // The live diff (components/editor/live-draft-diff.tsx) listens for input on the form.
    if (!fromSurface.current) return;
    fromSurface.current = false;
    textarea.current?.dispatchEvent(new Event("input", { bubbles: true }));
  }, [value]);

  const update = (body: string) => {
    setValue(body);
    onChange(body);
  };
  const ready = (keepsMarkdown: boolean) => {
    setKeptRaw(!keepsMarkdown);
    setMode(keepsMarkdown ? "rich" : "raw");
    if (!keepsMarkdown) setSurface(0);
  };
  const toggle = () => {
    if (mode === "rich") {
      storeMode("raw");
      setMode("raw");
      setSurface(0);
      textarea.current?.focus();
    } else {
      storeMode("rich");
      setKeptRaw(false);
      setSurface((n) => n + 1);
    }
  };
  const rich = mode === "rich";
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {rich ? (
          <span id="body-rich-label" className="font-medium">
            {tr("label")}
          </span>
        ) : (
          <label htmlFor="body" className="font-medium">
            {t("body")}
          </label>
        )}
        {mode !== "starting" && (
          <button type="button" onClick={toggle} aria-describedby="body-mode-hint" className="rounded border border-stone-500 px-2 py-1 text-sm">
            {rich ? tr("showMarkdown") : tr("showRich")}
          </button>
        )}
      </div>
      {mode !== "starting" && (
        <p id="body-mode-hint" className="text-sm text-stone-700">
          {tr("modeHint")}
        </p>
      )}
      {keptRaw && (
        <p role="status" className="mt-1 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm" data-testid="kept-raw">
          {tr("keptRaw", { reason: tr("reason") })}
        </p>
      )}
      {surface > 0 && (
        <RichEditorSurface
          key={surface}
          markdown={value}
          onReady={ready}
          onChange={(body) => {
            fromSurface.current = true;
            update(body);
          }}
          labelledBy="body-rich-label"
          describedBy={`body-rich-hint ${describedBy}`}
          invalid={invalid}
          hidden={!rich}
        />
      )}
      {rich && (
        <p id="body-rich-hint" className="mt-1 text-sm text-stone-700">
          {tr("hint")}
        </p>
      )}
      <textarea
        ref={textarea}
        id="body"
        name="body"
        hidden={rich}
        maxLength={maxLength}
        rows={16}
        value={value}
        onChange={(e) => update(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={className}
      />
    </div>
  );
}
