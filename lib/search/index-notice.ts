import "server-only";
/**
 * Keeps notice_search (one row per notice, describing its latest version) in step with the
 * versions. recordNoticeVersion calls reindexNotice inside its own transaction, so a notice
 * is searchable exactly when its version exists; `npm run search:reindex` rebuilds every row.
 */
import type { Prisma } from "@/lib/db/generated/client";
import { buildDocument, type WeightedText } from "./tokenize";
import { numberKey } from "./number-key";

/**
 * Field names (commitment paths) withheld per version number. Redactions decide these; until
 * they are stored in the database the caller passes them. A withheld field's text never
 * reaches the row: not the document, the title, the number or the excerpt.
 */
export type WithheldPaths = ReadonlyMap<number, ReadonlySet<string>>;

export type SearchStatus = "in-force" | "amended" | "corrected" | "retracted";

const STATUS_OF_KIND: Record<string, SearchStatus> = { publish: "in-force", amend: "amended", correct: "corrected", retract: "retracted" };
/** Enough for a snippet; the full body is in the tsvector. */
const EXCERPT_LENGTH = 2_000;

interface VersionRow {
  version: number;
  kind: string;
  fields: Record<string, string>;
  createdAt: Date;
}

/**
 * Recomputes one notice's search row from its versions (insert or update). Withheld paths are
 * read from the notice's redactions (pending ones included: text should leave search as soon
 * as it is withheld) unless the caller passes them.
 */
export async function reindexNotice(tx: Prisma.TransactionClient, noticeId: string, withheldPaths?: WithheldPaths): Promise<void> {
  const withheld = withheldPaths ?? (await storedWithheldPaths(tx, noticeId));
  const notice = await tx.notice.findUniqueOrThrow({
    where: { id: noticeId },
    include: {
      agency: { select: { nameZh: true, nameEn: true } },
      versions: { orderBy: { version: "asc" }, select: { version: true, kind: true, fields: true, createdAt: true } },
    },
  });
  const versions = notice.versions.map((v) => ({ ...v, fields: v.fields as Record<string, string> }));
  const row = searchRow(versions, [notice.agency.nameZh, notice.agency.nameEn], withheld);
  await tx.$executeRawUnsafe(
    `INSERT INTO notice_search (notice_id, agency_id, category, language, status, withheld, title, number, number_key,
       latest_version, latest_kind, published_at, updated_at, effective_date, excerpt, document)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::tsvector)
     ON CONFLICT (notice_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, category = EXCLUDED.category,
       language = EXCLUDED.language, status = EXCLUDED.status, withheld = EXCLUDED.withheld, title = EXCLUDED.title,
       number = EXCLUDED.number, number_key = EXCLUDED.number_key, latest_version = EXCLUDED.latest_version,
       latest_kind = EXCLUDED.latest_kind, published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at,
       effective_date = EXCLUDED.effective_date, excerpt = EXCLUDED.excerpt, document = EXCLUDED.document`,
    noticeId,
    notice.agencyId,
    row.category,
    row.language,
    row.status,
    row.withheld,
    row.title ?? noticeId,
    row.number,
    row.number === null ? null : numberKey(row.number),
    row.latestVersion,
    row.latestKind,
    row.publishedAt,
    row.updatedAt,
    row.effectiveDate,
    row.excerpt,
    row.document,
  );
}

async function storedWithheldPaths(tx: Prisma.TransactionClient, noticeId: string): Promise<WithheldPaths> {
  const rows = await tx.$queryRawUnsafe<{ version: number; withhold: string[] }[]>(
    `SELECT v.version, r.withhold FROM redaction r JOIN notice_version v ON v.id = r.notice_version_id WHERE v.notice_id = $1`,
    noticeId,
  );
  const paths = new Map<number, Set<string>>();
  for (const row of rows) {
    const set = paths.get(row.version) ?? new Set<string>();
    for (const path of row.withhold) set.add(path);
    paths.set(row.version, set);
  }
  return paths;
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
  const title = visible(latest, "title") ?? visible(content, "title");
  const number = visible(content, "number");
  const category = visible(content, "category");
  const body = visible(content, "body") ?? "";
  const reason = latest.kind === "retract" ? (visible(latest, "reason") ?? "") : "";
  const effectiveDate = visible(content, "effectiveDate");
  const parts: WeightedText[] = [
    { text: title ?? "", weight: "A" },
    { text: number ?? "", weight: "A" },
    { text: category ?? "", weight: "B" },
    { text: agencyNames.join(" "), weight: "B" },
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
    excerpt: Array.from(plainText(`${reason} ${body}`).slice(0, 2 * EXCERPT_LENGTH)).slice(0, EXCERPT_LENGTH).join(""),
    document: buildDocument(parts),
  };
}

/** Markdown reduced to its words, for snippets: markup characters and runs of space collapsed. */
function plainText(markdown: string): string {
  return markdown
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[#*_>`|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
