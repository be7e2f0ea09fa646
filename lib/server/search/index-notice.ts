import "server-only";
/**
 * Keeps notice_search (one row per notice, describing its latest version) in step with the
 * versions. recordNoticeVersion calls reindexNotice inside its own transaction, so a notice
 * is searchable exactly when its version exists; `npm run search:reindex` rebuilds every row.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { effectiveValue } from "@/lib/shared/notices/effective-fields";
import { buildDocument, type WeightedText } from "./tokenize";
import { searchIndexChanged } from "./count-cache";
import { numberKey } from "./number-key";
import { markdownExcerpt } from "@/lib/shared/markdown/plain-text";
import { attachmentNamePath } from "@/lib/core/log/notice-leaf-schema";
import { categoryOf } from "@/lib/shared/categories/vocabulary";
import type { SearchStatus } from "@/lib/server/api/contract";

/**
 * Field names (commitment paths) withheld per version number. Redactions decide these; until
 * they are stored in the database the caller passes them. A withheld field's text never
 * reaches the row: not the document, the title, the number or the excerpt.
 */
export type WithheldPaths = ReadonlyMap<number, ReadonlySet<string>>;

const STATUS_OF_KIND: Record<string, SearchStatus> = { publish: "in-force", amend: "amended", correct: "corrected", retract: "retracted" };
/** Enough for a snippet; the full body is in the tsvector. */
const EXCERPT_LENGTH = 2_000;

interface VersionRow {
  version: number;
  kind: string;
  fields: Record<string, string>;
  createdAt: Date;
  attachments: readonly { position: number; fileName: string }[];
}

/**
 * Recomputes one notice's search row from its versions (insert or update). Withheld paths are
 * read from the notice's redactions (pending ones included: text should leave search as soon
 * as it is withheld) unless the caller passes them.
 */
export async function reindexNotice(tx: Prisma.TransactionClient, noticeId: string, withheldPaths?: WithheldPaths): Promise<void> {
  await reindexNotices(tx, [noticeId], withheldPaths && new Map([[noticeId, withheldPaths]]));
}

const COLUMNS = `notice_id, agency_id, category, language, status, withheld, title, number, number_key,
  latest_version, latest_kind, published_at, updated_at, effective_date, excerpt, document`;

/**
 * The same for many notices in three statements (notices with versions, redactions, one
 * upsert of all rows), so rebuilding 100,000 rows takes minutes, not an hour of round trips.
 */
export async function reindexNotices(tx: Prisma.TransactionClient, noticeIds: readonly string[], withheldByNotice?: ReadonlyMap<string, WithheldPaths>): Promise<void> {
  if (noticeIds.length === 0) return;
  searchIndexChanged();
  const rows = await buildSearchRows(tx, noticeIds, withheldByNotice);
  const column = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  await tx.$executeRawUnsafe(
    `INSERT INTO notice_search (${COLUMNS})
     SELECT n, a, c, l, s, w, t, nu, nk, lv, lk, pa, ua, ed, ex, d::tsvector
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[],
                 $10::int[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[], $16::text[])
       AS r(n, a, c, l, s, w, t, nu, nk, lv, lk, pa, ua, ed, ex, d)
     ON CONFLICT (notice_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, category = EXCLUDED.category,
       language = EXCLUDED.language, status = EXCLUDED.status, withheld = EXCLUDED.withheld, title = EXCLUDED.title,
       number = EXCLUDED.number, number_key = EXCLUDED.number_key, latest_version = EXCLUDED.latest_version,
       latest_kind = EXCLUDED.latest_kind, published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at,
       effective_date = EXCLUDED.effective_date, excerpt = EXCLUDED.excerpt, document = EXCLUDED.document`,
    column((r) => r.id),
    column((r) => r.agencyId),
    column((r) => r.category),
    column((r) => r.language),
    column((r) => r.status),
    column((r) => r.withheld),
    column((r) => r.title),
    column((r) => r.number),
    column((r) => r.numberKey),
    column((r) => r.latestVersion),
    column((r) => r.latestKind),
    column((r) => r.publishedAt),
    column((r) => r.updatedAt),
    column((r) => r.effectiveDate),
    column((r) => r.excerpt),
    column((r) => r.document),
  );
}

/** A notice's search row exactly as notice_search stores it (title falls back to the id). */
export interface StoredSearchRow extends Omit<SearchRow, "title"> {
  id: string;
  agencyId: string;
  title: string;
  numberKey: string | null;
}

/**
 * The rows `reindexNotices` writes, built in memory and written nowhere: the auditor
 * (lib/server/search/audit-search-index.ts) compares them with the table, so both use this one builder.
 */
export async function buildSearchRows(
  tx: Prisma.TransactionClient,
  noticeIds: readonly string[],
  withheldByNotice?: ReadonlyMap<string, WithheldPaths>,
): Promise<StoredSearchRow[]> {
  const withheld = withheldByNotice ?? (await storedWithheldPaths(tx, noticeIds));
  const notices = await tx.notice.findMany({
    where: { id: { in: [...noticeIds] } },
    include: {
      agency: { select: { nameZh: true, nameEn: true } },
      versions: {
        orderBy: { version: "asc" },
        select: { version: true, kind: true, fields: true, createdAt: true, attachments: { orderBy: { position: "asc" }, select: { position: true, fileName: true } } },
      },
    },
  });
  if (notices.length !== new Set(noticeIds).size) throw new Error(`reindex: ${noticeIds.length - notices.length} of the notices do not exist`);
  return notices.map((notice) => {
    const versions = notice.versions.map((v) => ({ ...v, fields: v.fields as Record<string, string> }));
    const row = searchRow(versions, [notice.agency.nameZh, notice.agency.nameEn], withheld.get(notice.id) ?? new Map());
    return { ...row, id: notice.id, agencyId: notice.agencyId, title: row.title ?? notice.id, numberKey: row.number === null ? null : numberKey(row.number) };
  });
}

async function storedWithheldPaths(tx: Prisma.TransactionClient, noticeIds: readonly string[]): Promise<Map<string, Map<number, Set<string>>>> {
  const rows = await tx.$queryRawUnsafe<{ notice_id: string; version: number; withhold: string[] }[]>(
    `SELECT v.notice_id, v.version, r.withhold FROM redaction r JOIN notice_version v ON v.id = r.notice_version_id
     WHERE v.notice_id = ANY($1::text[])`,
    [...noticeIds],
  );
  const byNotice = new Map<string, Map<number, Set<string>>>();
  for (const row of rows) {
    const paths = byNotice.get(row.notice_id) ?? new Map<number, Set<string>>();
    const set = paths.get(row.version) ?? new Set<string>();
    for (const path of row.withhold) set.add(path);
    paths.set(row.version, set);
    byNotice.set(row.notice_id, paths);
  }
  return byNotice;
}

interface SearchRow {
  category: string | null;
  language: string | null;
  status: SearchStatus;
  withheld: boolean;
  title: string | null;
  number: string | null;
  latestVersion: number;
  latestKind: string;
  publishedAt: Date;
  updatedAt: Date;
  effectiveDate: string | null;
  excerpt: string;
  document: string;
}

/**
 * The row for a notice's versions (oldest first). A retraction carries only title and reason,
 * so the other fields come from the last version before it: a retracted notice stays findable
 * by its number and words, marked retracted.
 */
function searchRow(versions: readonly VersionRow[], agencyNames: string[], withheld: WithheldPaths): SearchRow {
  const first = versions[0]!;
  const latest = versions[versions.length - 1]!;
  const content = versions.findLast((v) => v.kind !== "retract") ?? first;
  const visible = (v: VersionRow, name: string): string | null => {
    const value = v.fields[name];
    return typeof value === "string" && !withheld.get(v.version)?.has(name) ? value : null;
  };
  // The public page's title of the current version (lib/shared/notices/effective-fields.ts): a withheld
  // title of the retraction is not replaced by the same words from the version before it.
  const served = versions.map((v) => {
    const hidden = withheld.get(v.version) ?? new Set<string>();
    return { version: v.version, fields: Object.fromEntries(Object.entries(v.fields).filter(([name]) => !hidden.has(name))), withheld: [...hidden].map((path) => ({ path })) };
  });
  const title = effectiveValue(served, latest.version, "title") ?? null;
  const number = visible(content, "number");
  const category = visible(content, "category");
  const body = visible(content, "body") ?? "";
  const reason = latest.kind === "retract" ? (visible(latest, "reason") ?? "") : "";
  const effectiveDate = visible(content, "effectiveDate");
  // The current version's attachments are found by their names (site-plan.pdf, its stem, 图.pdf),
  // unless a name is withheld.
  const fileNames = content.attachments.filter((a) => !withheld.get(content.version)?.has(attachmentNamePath(a.position))).map((a) => a.fileName);
  const parts: WeightedText[] = [
    { text: title ?? "", weight: "A" },
    { text: number ?? "", weight: "A" },
    // A category is found by its label in the notice's language, whatever spelling the notice
    // committed (a slug since the vocabulary, lib/shared/categories/vocabulary.ts); an unknown value by itself.
    { text: categoryWords(category, visible(content, "language")), weight: "B" },
    { text: agencyNames.join(" "), weight: "B" },
    { text: fileNames.join(" "), weight: "B" },
    { text: reason, weight: "C" },
    { text: body, weight: "C" },
  ];
  return {
    category,
    language: visible(content, "language"),
    status: STATUS_OF_KIND[latest.kind] ?? "in-force",
    withheld: [latest, content].some((v) => (withheld.get(v.version)?.size ?? 0) > 0),
    title,
    number,
    latestVersion: latest.version,
    latestKind: latest.kind,
    publishedAt: first.createdAt,
    updatedAt: latest.createdAt,
    effectiveDate: effectiveDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) ? effectiveDate : null,
    excerpt: excerpt(reason, body),
    document: buildDocument(parts),
  };
}

function categoryWords(stored: string | null, language: string | null): string {
  if (!stored) return "";
  const entry = categoryOf(stored);
  return entry && (language === "zh-CN" || language === "en") ? entry.label[language] : stored;
}

/**
 * The plain text snippets are cut from: the retraction's reason as typed, then the body as a
 * reader sees it (lib/shared/markdown/plain-text.ts), never its Markdown syntax.
 */
function excerpt(reason: string, body: string): string {
  const text = `${reason.replace(/\s+/g, " ").trim()} ${markdownExcerpt(withoutLoneSurrogates(body), EXCERPT_LENGTH)}`.trim();
  return withoutLoneSurrogates(Array.from(text).slice(0, EXCERPT_LENGTH).join(""));
}

/** PostgreSQL rejects text with a lone surrogate; cutting a prefix can also leave one. */
function withoutLoneSurrogates(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}
