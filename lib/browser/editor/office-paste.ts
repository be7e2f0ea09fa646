/**
 * Clipboard HTML from Word and WPS Writer turned into plain HTML the rich editor's schema can
 * read (lib/browser/editor/editor-extensions.ts). Office does not write lists as lists: each item is a
 * paragraph styled `mso-list:l0 level2 lfo1` whose bullet or number is a separate span
 * (`mso-list:Ignore`) between `<![if !supportLists]>` markers. Those runs of paragraphs become
 * nested <ul>/<ol> again (numbered when the marker is a number, letter, roman or Chinese
 * numeral). Headings stay (h1–h6, and paragraphs Word or WPS mark with an outline level);
 * tables stay; styles, classes, scripts, comments, Office XML, VML shapes and images go,
 * and so do empty paragraphs (Word's spacing) and bookmark anchors. Needs a DOM (DOMParser):
 * the browser's, or happy-dom in the tests.
 */

const DROPPED = "script, style, meta, link, title, xml, img, picture, svg, object, embed, iframe, video, audio, canvas, form, input, button, select, textarea, noscript, template";
/** Attributes kept: everything else (style, class, lang, width, Office's own) is dropped. */
const KEPT_ATTRIBUTES: Record<string, string[]> = { A: ["href"], OL: ["start"], TD: ["colspan", "rowspan"], TH: ["colspan", "rowspan"] };
/** A number, letter, roman or Chinese numeral with its punctuation ("1.", "a)", "一、", "(二)"), or a circled number. */
const ORDERED_MARKER = /^(?:[(（]?(?:\d+|[a-z]{1,3}|[ivxlcdm]+|[一二三四五六七八九十百]+)[.)、．）]|[①-⑳])$/i;

type ListParagraph = { element: Element; level: number; ordered: boolean };

function styleOf(element: Element): string {
  return (element.getAttribute("style") ?? "").replace(/\s+/g, " ");
}

/** `mso-list:l0 level2 lfo1` → 2; none for `mso-list:Ignore` / `none` or no list at all. */
function listLevel(element: Element): number | null {
  const match = /mso-list:\s*l\d+\s+level(\d+)/i.exec(styleOf(element));
  return match ? Number(match[1]) : null;
}

function isOfficeHtml(html: string): boolean {
  return /urn:schemas-microsoft-com:office|mso-|class=["']?Mso|ProgId content=["']?Word/i.test(html);
}

function removeComments(root: Node) {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}

function unwrap(element: Element) {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** The list marker's text ("·", "1.", "一、"), removed from the paragraph. */
function takeMarker(paragraph: Element): string {
  let marker = "";
  for (const span of Array.from(paragraph.querySelectorAll("[style]"))) {
    if (!/mso-list:\s*Ignore/i.test(styleOf(span))) continue;
    marker += span.textContent ?? "";
    span.remove();
  }
  return marker.replace(/[\s\u00a0]+/g, "");
}

/** Paragraph runs with `mso-list` become nested lists, in place. */
function rebuildLists(body: Element) {
  const doc = body.ownerDocument;
  const candidates = Array.from(body.querySelectorAll("p, div")).filter((p) => listLevel(p) !== null);
  const runs: ListParagraph[][] = [];
  for (const element of candidates) {
    const item = { element, level: listLevel(element)!, ordered: ORDERED_MARKER.test(takeMarker(element)) };
    const run = runs.at(-1);
    const previous = run?.at(-1)?.element;
    // One run while the next list paragraph follows the previous one directly.
    if (run && previous && nextElement(previous) === element) run.push(item);
    else runs.push([item]);
  }
  for (const run of runs) {
    const first = run[0]!.element;
    const stack: { list: Element; level: number }[] = [];
    for (const { element, level, ordered } of run) {
      while (stack.length > 1 && stack.at(-1)!.level > level) stack.pop();
      // An item shallower than the run's first one joins the outermost list.
      if (stack.length === 1 && stack[0]!.level > level) stack[0]!.level = level;
      if (stack.length === 0 || stack.at(-1)!.level < level) {
        const list = doc.createElement(ordered ? "ol" : "ul");
        // A skipped level (1 → 3) nests one step, as a reader sees it.
        stack.at(-1)?.list.lastElementChild?.appendChild(list);
        stack.push({ list, level });
      }
      const li = doc.createElement("li");
      const p = doc.createElement("p");
      while (element.firstChild) p.appendChild(element.firstChild);
      li.appendChild(p);
      stack.at(-1)!.list.appendChild(li);
    }
    const root = stack[0]!.list;
    first.parentNode?.insertBefore(root, first);
    for (const { element } of run) element.remove();
  }
}

function nextElement(element: Element): Element | null {
  let next = element.nextSibling;
  while (next && next.nodeType !== 1) {
    if (next.nodeType === 3 && (next.textContent ?? "").trim() !== "") return null;
    next = next.nextSibling;
  }
  return next as Element | null;
}

/**
 * A heading Office numbers through a list keeps its heading level; a number it showed stays
 * as text ("1. Scope"), a bullet glyph goes.
 */
function unlistHeadings(body: Element) {
  for (const heading of Array.from(body.querySelectorAll("h1, h2, h3, h4, h5, h6"))) {
    if (listLevel(heading) === null) continue;
    const marker = takeMarker(heading);
    if (ORDERED_MARKER.test(marker)) heading.insertBefore(heading.ownerDocument.createTextNode(`${marker} `), heading.firstChild);
  }
}

/** A table with no header cells takes its first row as the header (GFM tables need one). */
function headerRows(body: Element) {
  for (const table of Array.from(body.querySelectorAll("table"))) {
    if (table.querySelector("th")) continue;
    const first = table.querySelector("tr");
    for (const cell of Array.from(first?.children ?? [])) {
      if (cell.tagName !== "TD") continue;
      const th = cell.ownerDocument.createElement("th");
      for (const name of ["colspan", "rowspan"]) if (cell.hasAttribute(name)) th.setAttribute(name, cell.getAttribute(name)!);
      while (cell.firstChild) th.appendChild(cell.firstChild);
      cell.replaceWith(th);
    }
  }
}

/** Word's and WPS's heading paragraphs that are not h1–h6: an outline level or a Title style. */
function promoteHeadings(body: Element) {
  for (const p of Array.from(body.querySelectorAll("p"))) {
    const outline = /mso-outline-level:\s*(\d)/i.exec(styleOf(p));
    const level = outline ? Number(outline[1]) : /\bMsoTitle\b/.test(p.getAttribute("class") ?? "") ? 1 : null;
    if (!level || level > 6 || listLevel(p) !== null) continue;
    const heading = p.ownerDocument.createElement(`h${level}`);
    while (p.firstChild) heading.appendChild(p.firstChild);
    p.replaceWith(heading);
  }
}

function stripAttributes(body: Element) {
  for (const element of Array.from(body.querySelectorAll("*"))) {
    const kept = KEPT_ATTRIBUTES[element.tagName] ?? [];
    for (const name of element.getAttributeNames()) if (!kept.includes(name.toLowerCase())) element.removeAttribute(name);
  }
}

const isBlank = (element: Element) => (element.textContent ?? "").replace(/[\s\u00a0]/g, "") === "" && !element.querySelector("table, li, br");

export function cleanOfficeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const body = doc.body;
  removeComments(doc);
  // Office's own elements have a prefix: spacing (o:p), drawings (v:), Word XML (w:) go;
  // smart tags (st1:City and the like) wrap words of the text and only lose the wrapper.
  for (const element of Array.from(body.querySelectorAll("*"))) {
    const tag = element.tagName.toLowerCase();
    if (!tag.includes(":")) continue;
    if (/^(o:p|v:|w:|m:)/.test(tag)) element.remove();
    else unwrap(element);
  }
  for (const element of Array.from(body.querySelectorAll(DROPPED))) element.remove();
  if (isOfficeHtml(html)) {
    unlistHeadings(body);
    rebuildLists(body);
    promoteHeadings(body);
  }
  // Bookmarks (<a name>), a table of contents' jumps (#_Toc…) and links to the author's own
  // files (file:///C:/…) mean nothing on the notice page: only their text stays.
  for (const a of Array.from(body.querySelectorAll("a"))) if (!/^(https?:|mailto:)/i.test(a.getAttribute("href")?.trim() ?? "")) unwrap(a);
  headerRows(body);
  stripAttributes(body);
  // Blank blocks are Word's spacing; blank inline spans are spaces between words and stay.
  for (const p of Array.from(body.querySelectorAll("p, h1, h2, h3, h4, h5, h6, div"))) if (isBlank(p) && !p.closest("td, th")) p.remove();
  // Office separates words with no-break spaces; Markdown would keep them as entities.
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (text.data.includes("\u00a0")) text.data = text.data.replace(/\u00a0/g, " ");
  }
  return body.innerHTML;
}
