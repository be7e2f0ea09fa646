"use client";
/**
 * The toolbar editor itself (TipTap, lib/browser/editor/editor-extensions.ts), loaded only on the
 * editor page (components/editor/rich-text-body.tsx imports it lazily). It reads the body's
 * Markdown, says whether that Markdown survives the editor unchanged (`onReady`), and hands
 * back Markdown after every edit. Pasted HTML passes through the Office clean-up first
 * (lib/browser/editor/office-paste.ts).
 */
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { editorExtensions } from "@/lib/browser/editor/editor-extensions";
import { cleanOfficeHtml } from "@/lib/browser/editor/office-paste";
import { sameMarkdownMeaning } from "@/lib/browser/editor/markdown-round-trip";
import { tidyEditorMarkdown } from "@/lib/browser/editor/markdown-text";

export interface SurfaceProps {
  markdown: string;
  onReady: (keepsMarkdown: boolean) => void;
  onChange: (markdown: string) => void;
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
  hidden: boolean;
}

/** Styles for what the clerk edits: close to the notice page (lib/shared/markdown/notice-markdown.tsx). */
const CONTENT_CLASS = [
  "notice-body min-h-64 rounded-b border border-stone-500 bg-white px-3 py-2 leading-relaxed break-words focus:outline-2 focus:outline-offset-2 focus:outline-blue-800",
  "[&_h1]:mt-4 [&_h1]:text-2xl [&_h1]:font-bold [&_h2]:mt-4 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li_p]:my-0.5",
  "[&_a]:text-blue-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-4",
  "[&_table]:my-3 [&_table]:border-collapse [&_td]:border [&_td]:border-stone-400 [&_td]:px-2 [&_th]:border [&_th]:border-stone-400 [&_th]:bg-stone-100 [&_th]:px-2 [&_th]:text-left",
  "[&_code]:font-mono [&_pre]:bg-stone-100 [&_pre]:p-2",
].join(" ");

export default function RichEditorSurface({ markdown, onReady, onChange, labelledBy, describedBy, invalid, hidden }: SurfaceProps) {
  const editor = useEditor({
    extensions: editorExtensions(),
    content: markdown,
    contentType: "markdown",
    immediatelyRender: false,
    editorProps: {
      transformPastedHTML: cleanOfficeHtml,
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        "aria-describedby": describedBy,
        ...(invalid ? { "aria-invalid": "true" } : {}),
        "data-testid": "rich-body",
        class: CONTENT_CLASS,
      },
    },
    onCreate: ({ editor: created }) => {
      const written = tidyEditorMarkdown(created.getMarkdown());
      onReady(markdown.trim() === "" || sameMarkdownMeaning(markdown, written));
    },
    onUpdate: ({ editor: updated }) => onChange(tidyEditorMarkdown(updated.getMarkdown())),
  });
  if (!editor) return null;
  return (
    <div hidden={hidden} className="mt-1">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("editor.rich");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const chain = () => editor.chain().focus();
  return (
    <div className="rounded-t border border-b-0 border-stone-500 bg-stone-50 p-1">
      <div role="toolbar" aria-label={t("toolbar")} className="flex flex-wrap gap-1">
        <Tool pressed={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          {t("heading2")}
        </Tool>
        <Tool pressed={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          {t("heading3")}
        </Tool>
        <Tool onClick={() => chain().setParagraph().run()}>{t("paragraph")}</Tool>
        <Tool pressed={state.bold} onClick={() => chain().toggleBold().run()}>
          {t("bold")}
        </Tool>
        <Tool pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
          {t("italic")}
        </Tool>
        <Tool pressed={state.bullet} onClick={() => chain().toggleBulletList().run()}>
          {t("bulletList")}
        </Tool>
        <Tool pressed={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
          {t("orderedList")}
        </Tool>
        <Tool expanded={linkOpen} onClick={() => setLinkOpen((open) => !open)}>
          {t("link")}
        </Tool>
        {!state.table && <Tool onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>{t("table")}</Tool>}
        {state.table && (
          <>
            <Tool onClick={() => chain().addRowAfter().run()}>{t("addRow")}</Tool>
            <Tool onClick={() => chain().addColumnAfter().run()}>{t("addColumn")}</Tool>
            <Tool onClick={() => chain().deleteRow().run()}>{t("deleteRow")}</Tool>
            <Tool onClick={() => chain().deleteColumn().run()}>{t("deleteColumn")}</Tool>
            <Tool onClick={() => chain().deleteTable().run()}>{t("deleteTable")}</Tool>
          </>
        )}
        <Tool disabled={!state.canUndo} onClick={() => chain().undo().run()}>
          {t("undo")}
        </Tool>
        <Tool disabled={!state.canRedo} onClick={() => chain().redo().run()}>
          {t("redo")}
        </Tool>
      </div>
      {linkOpen && <LinkPanel editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}

function Tool({ pressed, expanded, disabled, onClick, children }: { pressed?: boolean; expanded?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-expanded={expanded}
      disabled={disabled}
      onClick={onClick}
      className="rounded border border-stone-400 bg-white px-2 py-1 text-sm aria-pressed:bg-stone-800 aria-pressed:text-white disabled:text-stone-500"
    >
      {children}
    </button>
  );
}

/** The link's address, typed in the page (a field without a name: the form never sends it). */
function LinkPanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useTranslations("editor.rich");
  const [url, setUrl] = useState(() => (editor.getAttributes("link").href as string | undefined) ?? "https://");
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    const href = url.trim();
    if (!/^(https?:\/\/\S+|mailto:\S+)$/i.test(href)) return setInvalid(true);
    editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    onClose();
  };
  const keys = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter would submit the whole draft form.
    if (event.key === "Enter") {
      event.preventDefault();
      apply();
    }
    if (event.key === "Escape") onClose();
  };
  return (
    <div className="mt-1 flex flex-wrap items-end gap-2 border-t border-stone-300 pt-1">
      <div>
        <label htmlFor="body-link-url" className="block text-sm font-medium">
          {t("linkUrl")}
        </label>
        <input
          id="body-link-url"
          type="url"
          autoFocus
          value={url}
          onChange={(e) => {
            setUrl(e.target.value);
            setInvalid(false);
          }}
          onKeyDown={keys}
          aria-invalid={invalid || undefined}
          aria-describedby="body-link-error"
          className="rounded border border-stone-500 px-2 py-1 text-sm"
        />
      </div>
      <button type="button" onClick={apply} className="rounded border border-stone-800 px-2 py-1 text-sm">
        {t("linkApply")}
      </button>
      {editor.isActive("link") && (
        <button
          type="button"
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
          className="rounded border border-stone-400 px-2 py-1 text-sm"
        >
          {t("linkRemove")}
        </button>
      )}
      <button type="button" onClick={onClose} className="rounded border border-stone-400 px-2 py-1 text-sm">
        {t("linkCancel")}
      </button>
      <p id="body-link-error" aria-live="polite" className="w-full text-sm font-medium text-red-800">
        {invalid ? t("linkInvalid") : ""}
      </p>
    </div>
  );
}
