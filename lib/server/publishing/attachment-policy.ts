/**
 * Which attachments a notice may carry, decided by their bytes, not their names: a file named
 * `notice.pdf` that is really an HTML page or an executable is refused, because the portal
 * serves attachments to citizens under the agency's name. Pure: the limit is passed in
 * (attachment-limit.ts reads it from the environment).
 *
 * Allowed: PDF; PNG, JPEG, GIF, WebP images (not SVG, which can carry script); office documents
 * (OOXML .docx/.xlsx/.pptx, OpenDocument .odt/.ods/.odp, legacy OLE .doc/.xls/.ppt); CSV and
 * plain text in UTF-8.
 */
import { DIRECTION_CONTROLS } from "../../shared/publishing/direction-controls";

export interface UploadedAttachment {
  fileName: string;
  content: Uint8Array;
  /** What the uploader said it is; informative only, the bytes decide. */
  declaredType?: string;
}

export type AttachmentProblem = "too-large" | "empty" | "type-not-allowed" | "content-mismatch" | "bad-name";

export type AttachmentCheck = { ok: true; fileName: string; mediaType: string } | { ok: false; problem: AttachmentProblem };

export const MAX_ATTACHMENTS = 20;

type Sniffer = (bytes: Uint8Array) => boolean;

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
/** Latin-1 view of the first bytes: enough to find the member names of a ZIP's first entries. */
const head = (bytes: Uint8Array, length = 4096) => ascii(bytes, 0, Math.min(length, bytes.length));

/**
 * Markup a browser would render as a page: a PDF/HTML polyglot starts with %PDF- and carries an
 * HTML page in its first bytes, which a browser sniffing the content (or told it is HTML) runs.
 * A real PDF has no such text before its first object's stream.
 */
const HTML_MARKUP = /<(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta|title|style|img|form)[\s>/]/i;
const looksLikeHtml = (b: Uint8Array) => HTML_MARKUP.test(head(b, 1024));
const isPdf: Sniffer = (b) => ascii(b, 0, 5) === "%PDF-" && !looksLikeHtml(b);
const isPng: Sniffer = (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const isJpeg: Sniffer = (b) => startsWith(b, 0xff, 0xd8, 0xff);
const isGif: Sniffer = (b) => ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a";
const isWebp: Sniffer = (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP";
const isZip: Sniffer = (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04);
const isOle: Sniffer = (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** OOXML packages name their parts; the main part's folder says which kind of document. */
const ooxml =
  (folder: string): Sniffer =>
  (b) =>
    isZip(b) && head(b, 65536).includes("[Content_Types].xml") && head(b, 65536).includes(folder);
/** OpenDocument: the first entry is an uncompressed "mimetype" file holding the type. */
const odf =
  (type: string): Sniffer =>
  (b) =>
    isZip(b) && ascii(b, 30, 38) === "mimetype" && head(b, 200).includes(type);
const isText: Sniffer = (b) => {
  if (b.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

const TYPES: Record<string, { mediaType: string; sniff: Sniffer }> = {
  pdf: { mediaType: "application/pdf", sniff: isPdf },
  png: { mediaType: "image/png", sniff: isPng },
  jpg: { mediaType: "image/jpeg", sniff: isJpeg },
  jpeg: { mediaType: "image/jpeg", sniff: isJpeg },
  gif: { mediaType: "image/gif", sniff: isGif },
  webp: { mediaType: "image/webp", sniff: isWebp },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", sniff: ooxml("word/") },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sniff: ooxml("xl/") },
  pptx: { mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", sniff: ooxml("ppt/") },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", sniff: odf("application/vnd.oasis.opendocument.text") },
  ods: { mediaType: "application/vnd.oasis.opendocument.spreadsheet", sniff: odf("application/vnd.oasis.opendocument.spreadsheet") },
  odp: { mediaType: "application/vnd.oasis.opendocument.presentation", sniff: odf("application/vnd.oasis.opendocument.presentation") },
  doc: { mediaType: "application/msword", sniff: isOle },
  xls: { mediaType: "application/vnd.ms-excel", sniff: isOle },
  ppt: { mediaType: "application/vnd.ms-powerpoint", sniff: isOle },
  csv: { mediaType: "text/csv; charset=utf-8", sniff: isText },
  txt: { mediaType: "text/plain; charset=utf-8", sniff: isText },
};

/** The extensions a form's file picker may offer (`accept`). */
export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

/**
 * A file name safe to store, log and serve: no folders, no control or reserved characters, no
 * leading dots (hidden files), NFC, at most 200 characters with the extension kept. Returns
 * null when nothing usable is left.
 */
export function sanitizeFileName(name: string): string | null {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001F\u007F<>:"|?*]/g, "")
    .replace(DIRECTION_CONTROLS, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (!cleaned || !cleaned.isWellFormed()) return null;
  if ([...cleaned].length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return [...cleaned.slice(0, cleaned.length - extension.length)].slice(0, 200 - extension.length).join("") + extension;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

export function checkAttachment(attachment: UploadedAttachment, maxBytes: number): AttachmentCheck {
  const fileName = sanitizeFileName(attachment.fileName);
  if (!fileName) return { ok: false, problem: "bad-name" };
  if (attachment.content.length === 0) return { ok: false, problem: "empty" };
  if (attachment.content.length > maxBytes) return { ok: false, problem: "too-large" };
  const type = TYPES[extensionOf(fileName)];
  if (!type) return { ok: false, problem: "type-not-allowed" };
  if (!type.sniff(attachment.content)) return { ok: false, problem: "content-mismatch" };
  return { ok: true, fileName, mediaType: type.mediaType };
}

export const ATTACHMENT_PROBLEM_MESSAGES: Record<AttachmentProblem, string> = {
  "too-large": "is larger than the attachment size limit",
  empty: "is empty",
  "type-not-allowed": "is not an allowed type (PDF, image, office document, CSV or text)",
  "content-mismatch": "does not contain what its name says (its content is checked, not only its name)",
  "bad-name": "has no usable file name",
};
