import "server-only";
/**
 * A clerk's work across their agencies, in one table: drafts being edited, submitted, returned,
 * approved, scheduled and published (notice_draft, whatever review state each is in), filtered,
 * searched and sorted as the URL says (lib/shared/admin/clerk-work-query.ts), with a count per status.
 *
 * Only clerks: the view is about work in an agency's name, which administrators and auditors do
 * not do (they get 403; the audit trail is their view of what clerks did). A clerk sees only
 * drafts of agencies assigned to them — "mine" (created, last saved or submitted by them), all of
 * their agencies' ("agencies": an office shares work), or, for a reviewer (clerk_agency.can_review),
 * the submitted drafts of the agencies they review that someone else submitted ("review").
 *
 * Notices published through the agency API have no draft and so are not listed here; the
 * dashboard lists each agency's latest published notices whichever way they came.
 */
import { Prisma, type PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";
import type { DraftKind } from "@/lib/server/drafts/draft-dto";
import { parseWorkQuery, WORK_STATUSES, type WorkQuery, type WorkStatus } from "../../shared/admin/clerk-work-query";

export interface WorkItem {
  draftId: string;
  agency: { id: string; nameZh: string; nameEn: string };
  kind: DraftKind;
  /** The notice amended or corrected, or the one a new notice became when published; null for an unpublished new notice. */
  noticeId: string | null;
  title: string;
  number: string;
  status: WorkStatus;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** A scheduled draft's publication time. */
  publishAt: string | null;
  published: { at: string; version: number } | null;
  /** A returned draft: the reviewer who returned it and the first line of their comment. */
  returned: { by: string; comment: string } | null;
}

export interface ClerkWork {
  query: WorkQuery;
  /** Settings of the URL that were not understood and fell back to their defaults. */
  ignored: string[];
  items: WorkItem[];
  /** Per status, within the scope and search (so the counts say what each filter would show). */
  counts: Record<WorkStatus | "all", number>;
  hasMore: boolean;
  /** The clerk reviews for at least one agency: the "awaiting my review" view applies. */
  reviews: boolean;
}

const STATUS = Prisma.sql`CASE WHEN d.published_at IS NOT NULL THEN 'published'
  WHEN d.state = 'editing' THEN 'draft'
  WHEN d.state = 'approved' AND d.publish_at IS NOT NULL THEN 'scheduled'
  ELSE d.state END`;

/** Where each status stands in the work's course, for sorting by state. */
const STATUS_ORDER = Prisma.raw(`CASE status ${WORK_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`);

const SORT_KEY: Record<WorkQuery["sort"], string> = {
  updated: "updated_at",
  created: "created_at",
  submitted: "submitted_at",
  publication: "COALESCE(published_at, publish_at)",
  title: "title",
  state: "status_order",
};

interface Row {
  id: string;
  agency_id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  notice_id: string | null;
  title: string;
  number: string;
  status: WorkStatus;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  publish_at: Date | null;
  published_at: Date | null;
  published_version: number | null;
  returned_by: string | null;
  returned_comment: string | null;
}

export async function listClerkWork(prisma: PrismaClient, actor: Actor | null, params: Record<string, string | string[] | undefined>): Promise<ClerkWork> {
  const clerk = requireRole(actor, "clerk");
  const { query, ignored } = parseWorkQuery(params);
  const reviewAgencies = clerk.agencyIds.length
    ? (await prisma.clerkAgency.findMany({ where: { userId: clerk.id, canReview: true, agencyId: { in: clerk.agencyIds } }, select: { agencyId: true } })).map((r) => r.agencyId)
    : [];
  const empty: ClerkWork = { query, ignored, items: [], counts: countsOf([]), hasMore: false, reviews: reviewAgencies.length > 0 };
  if (clerk.agencyIds.length === 0) return empty;

  const scope = {
    mine: Prisma.sql`d.agency_id = ANY(${clerk.agencyIds}::text[]) AND (d.created_by = ${clerk.id} OR d.updated_by = ${clerk.id} OR d.submitted_by = ${clerk.id})`,
    agencies: Prisma.sql`d.agency_id = ANY(${clerk.agencyIds}::text[])`,
    // A reviewer never signs off their own submission.
    review: Prisma.sql`d.agency_id = ANY(${reviewAgencies}::text[]) AND d.state = 'submitted' AND d.published_at IS NULL AND d.submitted_by <> ${clerk.id}`,
  }[query.scope];
  const search = query.q ? Prisma.sql`AND (title ILIKE ${likePattern(query.q)} OR number ILIKE ${likePattern(query.q)} OR notice_id ILIKE ${likePattern(query.q)})` : Prisma.empty;
  const work = Prisma.sql`WITH work AS (
    SELECT d.id, d.agency_id, d.kind, COALESCE(d.notice_id, d.published_notice_id) AS notice_id,
      btrim(COALESCE(d.fields->>'title', '')) AS title, btrim(COALESCE(d.fields->>'number', '')) AS number,
      ${STATUS} AS status, d.created_at, d.updated_at, d.submitted_at, d.publish_at, d.published_at, d.published_version
    FROM notice_draft d WHERE ${scope}
  )`;

  const counted = await prisma.$queryRaw<{ status: WorkStatus; n: number }[]>`${work} SELECT status, count(*)::int AS n FROM work WHERE true ${search} GROUP BY status`;
  const only = query.state === "all" ? Prisma.empty : Prisma.sql`AND status = ${query.state}`;
  const direction = Prisma.raw(query.dir === "asc" ? "ASC" : "DESC");
  // Untitled drafts and items without the sorted date go last whichever way the column is sorted.
  const key = Prisma.raw(SORT_KEY[query.sort]);
  const blankLast = query.sort === "title" ? Prisma.sql`(title = '') ASC,` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`${work}
    SELECT w.*, a.name_zh, a.name_en, r.actor_name AS returned_by, r.comment AS returned_comment
    FROM (SELECT *, ${STATUS_ORDER} AS status_order FROM work WHERE true ${search} ${only}) w
    JOIN agency a ON a.id = w.agency_id
    LEFT JOIN LATERAL (
      SELECT actor_name, comment FROM draft_review
      WHERE draft_id = w.id AND action = 'return' AND w.status = 'returned' ORDER BY id DESC LIMIT 1
    ) r ON true
    ORDER BY ${blankLast} ${key} ${direction} NULLS LAST, w.updated_at DESC, w.id ASC
    LIMIT ${query.limit + 1}`;
  return { ...empty, counts: countsOf(counted), items: rows.slice(0, query.limit).map(toWorkItem), hasMore: rows.length > query.limit };
}

function countsOf(rows: { status: WorkStatus; n: number }[]): ClerkWork["counts"] {
  const counts = Object.fromEntries([["all", 0], ...WORK_STATUSES.map((s) => [s, 0])]) as ClerkWork["counts"];
  for (const { status, n } of rows) {
    counts[status] = n;
    counts.all += n;
  }
  return counts;
}

/** What was typed, found anywhere in the text, case-insensitively: % and _ typed are literal. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toWorkItem(row: Row): WorkItem {
  return {
    draftId: row.id,
    agency: { id: row.agency_id, nameZh: row.name_zh, nameEn: row.name_en },
    kind: row.kind as DraftKind,
    noticeId: row.notice_id,
    title: row.title,
    number: row.number,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    publishAt: row.publish_at?.toISOString() ?? null,
    published: row.published_at && row.published_version !== null ? { at: row.published_at.toISOString(), version: row.published_version } : null,
    returned: row.returned_by !== null ? { by: row.returned_by, comment: (row.returned_comment ?? "").split(/\r?\n/, 1)[0]!.trim() } : null,
  };
}
