/** What the /verify page accepts as "a notice": the link someone shared, or the id printed on a notice. */
const NOTICE_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
const IN_PATH = new RegExp(`/n/(${NOTICE_ID})(?:/v/([1-9][0-9]{0,5}))?/?$`);
const BARE_ID = new RegExp(`^${NOTICE_ID}$`);

/** A pasted notice URL (any host: a link from a mirror names the same notice) or a bare notice id. */
export function parseNoticeReference(text: string): { noticeId: string; version?: number } | null {
  const trimmed = text.trim();
  if (BARE_ID.test(trimmed)) return { noticeId: trimmed };
  let path: string;
  try {
    path = decodeURIComponent(new URL(trimmed, "http://x.invalid").pathname);
  } catch {
    return null;
  }
  const match = IN_PATH.exec(path);
  if (!match) return null;
  return match[2] ? { noticeId: match[1]!, version: Number(match[2]) } : { noticeId: match[1]! };
}
