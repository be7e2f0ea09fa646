import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { markdownBody, newDraft, signIn } from "./editor-support";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });

const fixture = (name: string) => readFileSync(`test/editor/fixtures/${name}`, "utf8");

/** Real clipboard HTML saved from Word (test/editor/fixtures/README.md) and the Markdown it must save as. */
const PASTES: { fixture: string; markdown: string | RegExp; shows: string }[] = [
  { fixture: "word-nested-lists.html", markdown: "- A1\n  1. B2\n     - C4\n     1. D3\n- E1\n  1. F2", shows: "ul ol ul" },
  // Headings kept; the images (VML and <img>) and Word's empty spacing paragraphs dropped.
  { fixture: "word-headings-images.html", markdown: /^## Stock Image\n\nNot resized\n\nResized\n\n## Inline images\n\nChocolate cake [^!<&]+\n\n## Uploaded Image$/, shows: "h2" },
  {
    fixture: "word-table.html",
    markdown: [
      "| **Project Phase**                       | **Deadline** | **Status** |",
      "| --------------------------------------- | ------------ | ---------- |",
      "| Phase 1: Market research                | 2019-10-15   | ✓          |",
      "| Phase 2: Editor features implementation | 2019-10-20   | ✓          |",
      "| Phase 3: Rollout to Production          | 2019-10-22   | ✓          |",
    ].join("\n"),
    shows: "table",
  },
];
const TABLE = PASTES.at(-1)!;

const LABELS = {
  "zh-CN": {
    text: "正文",
    toMarkdown: "改用 Markdown 编辑",
    toToolbar: "改用工具栏编辑",
    save: "保存草稿",
    saved: "草稿已保存",
    heading: "标题",
    bold: "加粗",
    bullets: "项目符号列表",
    preview: "预览",
  },
  en: {
    text: "Text",
    toMarkdown: "Edit as Markdown",
    toToolbar: "Edit with toolbar",
    save: "Save draft",
    saved: "Draft saved",
    heading: "Heading",
    bold: "Bold",
    bullets: "Bulleted list",
    preview: "Preview",
  },
} as const;

/** A real paste event carrying `html` as text/html, as the browser sends one from Word. */
async function paste(editor: Locator, html: string) {
  await editor.click();
  await editor.evaluate((element, clipboardHtml) => {
    const data = new DataTransfer();
    data.setData("text/html", clipboardHtml);
    data.setData("text/plain", "plain text that must not be used");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function richBody(page: Page, locale: "zh-CN" | "en"): Promise<Locator> {
  const editor = page.getByRole("textbox", { name: LABELS[locale].text, exact: true });
  await expect(editor).toBeVisible();
  return editor;
}

for (const locale of ["zh-CN", "en"] as const) {
  const l = LABELS[locale];

  test(`pasting Word's lists, headings with images, and a table saves the expected Markdown (${locale})`, async ({ page }) => {
    test.slow();
    await signIn(page, locale);
    await newDraft(page, locale);
    for (const { fixture: name, markdown, shows } of PASTES) {
      const editor = await richBody(page, locale);
      await editor.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await paste(editor, fixture(name));
      await expect(page.getByTestId("markdown-preview").locator(shows).first()).toBeVisible();
      await expect(page.getByTestId("markdown-preview").locator("img")).toHaveCount(0);
      const source = await markdownBody(page, locale);
      await expect(source, name).toHaveValue(markdown);
      await page.getByRole("button", { name: l.toToolbar }).click();
    }
    await page.getByRole("button", { name: l.save }).click();
    await expect(page.getByRole("status").filter({ hasText: l.saved })).toBeVisible();
    // Saved: the Markdown comes back from the server, and the page shows it as a table.
    await expect(page.getByTestId("markdown-preview").getByRole("cell", { name: "Phase 1: Market research" })).toBeVisible();
    await expect(await markdownBody(page, locale)).toHaveValue(TABLE.markdown);
    await expect(page.getByTestId("markdown-preview")).not.toContainText("mso");
  });

  test(`the toolbar writes headings, bold and lists as Markdown, and the editor page has no axe violations (${locale})`, async ({ page }) => {
    test.slow();
    await signIn(page, locale);
    await newDraft(page, locale);
    const editor = await richBody(page, locale);
    await editor.click();
    // A toolbar button takes the focus when clicked and the editor takes it back on the next
    // animation frame (Tiptap's focus command); keys typed before then go to the button.
    const tool = async (name: string) => {
      await page.getByRole("button", { name, exact: true }).click();
      await expect(editor).toBeFocused();
    };
    await tool(l.heading);
    await page.keyboard.type("Scope");
    await page.keyboard.press("Enter");
    await tool(l.bold);
    await page.keyboard.type("Roads");
    await tool(l.bold);
    await page.keyboard.type(" closed");
    await page.keyboard.press("Enter");
    await tool(l.bullets);
    await page.keyboard.type("one");
    await page.keyboard.press("Enter");
    await page.keyboard.type("two");
    await expect(page.getByTestId("markdown-preview").getByRole("heading", { name: "Scope" })).toBeVisible();
    await expect(page.getByTestId("markdown-preview").locator("strong")).toHaveText("Roads");
    expect(await axeViolations(page, "normal")).toEqual([]);

    // The toggle is a button reached by keyboard; the choice is remembered after a reload.
    await page.getByRole("button", { name: l.toMarkdown }).focus();
    await page.keyboard.press("Enter");
    const source = page.getByLabel(locale === "en" ? "Text (Markdown)" : "正文（Markdown）");
    await expect(source).toHaveValue("## Scope\n\n**Roads** closed\n\n- one\n- two");
    expect(await axeViolations(page, "normal")).toEqual([]);
    await page.getByRole("button", { name: l.save }).click();
    await expect(page.getByRole("status").filter({ hasText: l.saved })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: l.toToolbar })).toBeVisible();
    await expect(source).toHaveValue("## Scope\n\n**Roads** closed\n\n- one\n- two");
  });
}

test("Markdown the toolbar editor cannot keep opens as Markdown, says why, and is not changed", async ({ page }) => {
  test.slow();
  await signIn(page, "en");
  await newDraft(page, "en");
  const body = "Old notice with <b>raw HTML</b> and a map: ![map](https://example.org/map.png)\n\n- [ ] a task box";
  await (await markdownBody(page, "en")).fill(body);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await page.getByRole("button", { name: "Edit with toolbar" }).click();
  await expect(page.getByTestId("kept-raw")).toContainText("cannot keep exactly");
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(body);
  await expect(page.getByRole("textbox", { name: "Text", exact: true })).toHaveCount(0);
  // Opening the page again with the toolbar preferred does the same.
  await page.reload();
  await expect(page.getByTestId("kept-raw")).toBeVisible();
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(body);
});

test("a link is added from the toolbar; Enter in its address field applies it without submitting the draft", async ({ page }) => {
  test.slow();
  await signIn(page, "en");
  await newDraft(page, "en");
  const editor = await richBody(page, "en");
  await editor.click();
  await page.keyboard.type("See the map");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.getByRole("button", { name: "Link", exact: true }).click();
  const address = page.getByLabel("Link address");
  await address.fill("javascript:alert(1)");
  await address.press("Enter");
  await expect(page.getByText("Enter an address starting with https://")).toBeVisible();
  expect(await axeViolations(page, "normal")).toEqual([]);
  await address.fill("https://example.org/map");
  await address.press("Enter");
  await expect(address).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toHaveCount(0);
  await expect(page.getByTestId("markdown-preview").getByRole("link", { name: "map" })).toHaveAttribute("href", "https://example.org/map");
  await expect(await markdownBody(page, "en")).toHaveValue("See the [map](https://example.org/map)");
});
