/**
 * The clerk's "My work" list against a real database: only clerks, only their agencies' drafts
 * (another agency's never, whatever the URL says), every review state with the right status,
 * scopes (mine, the agencies', awaiting my review), search, sort, counts, paging, and a URL that
 * is not understood falling back to defaults instead of failing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listClerkWork, type ClerkWork } from "@/lib/server/admin/list-clerk-work";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createDraft } from "@/lib/server/drafts/create-draft";
import { publishDraft } from "@/lib/server/drafts/publish-draft";
import { saveDraft } from "@/lib/server/drafts/save-draft";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";
import { refusal } from "./refusal";

let database: TestDatabase;
let prisma: PrismaClient;
let clerk: Actor;
let colleague: Actor;
let outsider: Actor;
let admin: Actor;
let auditor: Actor;
let publishedNoticeId = "";

const PASSWORD = "correct horse battery";
const FIELDS = { title: "关于已发布事项的公告", number: "工规〔2026〕9号", category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "正文。" };

interface DraftRow {
  agency?: string;
  createdBy: string;
  updatedBy?: string;
  title?: string;
  number?: string;
  state?: "editing" | "submitted" | "returned" | "approved";
  submittedBy?: string;
  publishAt?: string;
  /** Days before 2026-06-01 it was last saved. */
  age: number;
}

/** A draft row as the review services would leave it (they are built elsewhere), written as the superuser. */
async function insertDraft(row: DraftRow): Promise<string> {
  const id = randomUUID();
  const updated = new Date(Date.UTC(2026, 5, 1) - row.age * 86_400_000);
  const state = row.state ?? "editing";
  const fields = { ...(row.title !== undefined && { title: row.title }), ...(row.number !== undefined && { number: row.number }) };
  const submitted = state === "editing" ? null : (row.submittedBy ?? row.createdBy);
  await database.client.query(
    `INSERT INTO notice_draft (id, agency_id, kind, fields, created_by, updated_by, created_at, updated_at, state, submitted_at, submitted_by, reviewed_revision, publish_at)
     VALUES ($1, $2, 'publish', $3, $4, $5, $6, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      row.agency ?? "agency-a",
      JSON.stringify(fields),
      row.createdBy,
      row.updatedBy ?? row.createdBy,
      updated,
      state,
      submitted ? updated : null,
      submitted,
      state === "approved" ? 0 : null,
      row.publishAt ?? null,
    ],
  );
  return id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "Bureau A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "Bureau B" },
  ]);
  const make = async (email: string, role: "administrator" | "clerk" | "auditor", agencyIds: string[] = []) =>
    (await loadActor(prisma, (await createUser(prisma, { email, name: email, password: PASSWORD, role, agencyIds })).id))!;
  clerk = await make("clerk@example.org", "clerk", ["agency-a"]);
  colleague = await make("colleague@example.org", "clerk", ["agency-a"]);
  outsider = await make("outsider@example.org", "clerk", ["agency-b"]);
  admin = await make("admin@example.org", "administrator");
  auditor = await make("auditor@example.org", "auditor");
  // The colleague reviews for agency A (changed, as the database demands, with its audit event).
  await database.client.query("BEGIN");
  await database.client.query("INSERT INTO audit_event (action, subject, detail) VALUES ('user.agencies-change', $1, '{}')", [colleague.id]);
  await database.client.query("UPDATE clerk_agency SET can_review = true WHERE user_id = $1", [colleague.id]);
  await database.client.query("COMMIT");

  ids.editing = await insertDraft({ createdBy: clerk.id, title: "规划草稿 Alpha", number: "甲规〔2026〕1号", age: 1 });
  ids.untitled = await insertDraft({ createdBy: clerk.id, age: 2 });
  ids.submitted = await insertDraft({ createdBy: clerk.id, title: "提交的公告 Beta", state: "submitted", age: 3 });
  ids.returned = await insertDraft({ createdBy: clerk.id, title: "退回的公告 Gamma", state: "returned", age: 4 });
  ids.approved = await insertDraft({ createdBy: clerk.id, title: "通过的公告 Delta", state: "approved", age: 5 });
  ids.scheduled = await insertDraft({ createdBy: clerk.id, title: "定时的公告 Epsilon", state: "approved", publishAt: "2027-01-15T02:00:00Z", age: 6 });
  // Saved last by the clerk though a colleague started it: the clerk's too.
  ids.edited = await insertDraft({ createdBy: colleague.id, updatedBy: clerk.id, title: "同事起草 Zeta", age: 7 });
  ids.colleagueOnly = await insertDraft({ createdBy: colleague.id, title: "同事的草稿 Eta", age: 8 });
  ids.colleagueSubmitted = await insertDraft({ createdBy: colleague.id, title: "同事提交 Theta", state: "submitted", age: 9 });
  ids.otherAgency = await insertDraft({ agency: "agency-b", createdBy: outsider.id, title: "乙局草稿 Alpha", state: "submitted", age: 0 });
  await database.client.query(
    "INSERT INTO draft_review (draft_id, action, actor, actor_name, revision, comment) VALUES ($1, 'submit', $2, '办事员', 0, ''), ($1, 'return', $3, '审核员 王', 0, $4)",
    [ids.returned, clerk.id, colleague.id, "请补充附件。\n第二行不显示。"],
  );

  const { id } = await createDraft({ db: prisma, actor: clerk }, { agencyId: "agency-a" });
  await saveDraft({ db: prisma, actor: clerk }, { draftId: id, revision: 0, fields: FIELDS });
  publishedNoticeId = (await publishDraft({ db: prisma, actor: clerk }, { draftId: id, revision: 1 })).noticeId;
  ids.published = id;
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const list = (actor: Actor | null, params: Record<string, string | string[]> = {}) => listClerkWork(prisma, actor, params);
const draftIds = (work: ClerkWork) => work.items.map((i) => i.draftId);

describe("a clerk's work", () => {
  it("is for clerks only: 401 anonymous, 403 administrators and auditors", async () => {
    expect((await refusal(() => list(null))).status).toBe(401);
    expect((await refusal(() => list(admin))).status).toBe(403);
    expect((await refusal(() => list(auditor))).status).toBe(403);
  });

  it("lists the clerk's own items in every state, newest first, with their status and details", async () => {
    const work = await list(clerk);
    expect(draftIds(work)).toEqual([ids.published, ids.editing, ids.untitled, ids.submitted, ids.returned, ids.approved, ids.scheduled, ids.edited]);
    const byId = new Map(work.items.map((i) => [i.draftId, i]));
    expect([ids.editing, ids.submitted, ids.returned, ids.approved, ids.scheduled, ids.published].map((id) => byId.get(id!)!.status)).toEqual([
      "draft",
      "submitted",
      "returned",
      "approved",
      "scheduled",
      "published",
    ]);
    expect(byId.get(ids.returned!)!.returned).toEqual({ by: "审核员 王", comment: "请补充附件。" });
    expect(byId.get(ids.scheduled!)!.publishAt).toBe("2027-01-15T02:00:00.000Z");
    expect(byId.get(ids.submitted!)!.submittedAt).toBe("2026-05-29T00:00:00.000Z");
    expect(byId.get(ids.published!)).toMatchObject({ noticeId: publishedNoticeId, title: FIELDS.title, number: FIELDS.number, published: { version: 1 } });
    expect(byId.get(ids.untitled!)).toMatchObject({ title: "", noticeId: null, agency: { id: "agency-a", nameZh: "甲局", nameEn: "Bureau A" } });
    expect(work.counts).toEqual({ all: 8, draft: 3, returned: 1, submitted: 1, approved: 1, scheduled: 1, published: 1 });
    expect(work.reviews).toBe(false);
  });

  it("never shows another agency's drafts, in any scope or search", async () => {
    for (const scope of ["mine", "agencies", "review"]) {
      expect(draftIds(await list(clerk, { scope, q: "Alpha" }))).not.toContain(ids.otherAgency);
      expect(draftIds(await list(colleague, { scope, q: "Alpha" }))).not.toContain(ids.otherAgency);
    }
    expect(draftIds(await list(outsider, { scope: "agencies" }))).toEqual([ids.otherAgency]);
  });

  it("shows the whole office's work in the agencies scope, and a reviewer the drafts others submitted", async () => {
    const office = await list(clerk, { scope: "agencies" });
    expect(office.counts.all).toBe(10);
    expect(draftIds(office)).toEqual(expect.arrayContaining([ids.colleagueOnly, ids.colleagueSubmitted]));
    // The clerk reviews nowhere: the review scope is empty for them.
    expect(draftIds(await list(clerk, { scope: "review" }))).toEqual([]);
    const review = await list(colleague, { scope: "review" });
    expect(review.reviews).toBe(true);
    // The colleague's own submission is not theirs to review.
    expect(draftIds(review)).toEqual([ids.submitted]);
  });

  it("filters by status, keeping the counts of every status", async () => {
    const returned = await list(clerk, { state: "returned" });
    expect(draftIds(returned)).toEqual([ids.returned]);
    expect(returned.counts.all).toBe(8);
    expect(draftIds(await list(clerk, { state: "scheduled" }))).toEqual([ids.scheduled]);
    expect(draftIds(await list(clerk, { state: "approved" }))).toEqual([ids.approved]);
    expect(draftIds(await list(clerk, { state: "draft" }))).toEqual([ids.editing, ids.untitled, ids.edited]);
  });

  it("searches title, document number and notice id, case-insensitively, in Chinese too, with % and _ literal", async () => {
    expect(draftIds(await list(clerk, { q: "alpha" }))).toEqual([ids.editing]);
    expect(draftIds(await list(clerk, { q: "退回" }))).toEqual([ids.returned]);
    expect(draftIds(await list(clerk, { q: "甲规〔2026〕1" }))).toEqual([ids.editing]);
    expect(draftIds(await list(clerk, { q: publishedNoticeId.toLowerCase() }))).toEqual([ids.published]);
    expect(draftIds(await list(clerk, { q: "%" }))).toEqual([]);
    expect(draftIds(await list(clerk, { q: "_" }))).toEqual([]);
    const searched = await list(clerk, { q: "公告" });
    expect(searched.counts).toMatchObject({ all: 5, submitted: 1, draft: 0 });
  });

  it("sorts by title (untitled last either way), state, submission and publication time, both ways", async () => {
    const titles = (work: ClerkWork) => work.items.map((i) => i.title);
    const ascending = titles(await list(clerk, { sort: "title" }));
    expect(ascending.at(-1)).toBe("");
    expect(ascending.slice(0, -1)).toEqual([...ascending.slice(0, -1)].sort((a, b) => (a < b ? -1 : 1)));
    const descending = titles(await list(clerk, { sort: "title", dir: "desc" }));
    expect(descending.at(-1)).toBe("");
    expect(descending.slice(0, -1)).toEqual([...ascending.slice(0, -1)].reverse());
    const byState = (await list(clerk, { sort: "state" })).items.map((i) => i.status);
    expect(byState).toEqual(["draft", "draft", "draft", "returned", "submitted", "approved", "scheduled", "published"]);
    expect(draftIds(await list(clerk, { sort: "publication" })).slice(0, 2)).toEqual([ids.scheduled, ids.published]);
    expect(draftIds(await list(clerk, { sort: "publication", dir: "asc" })).slice(0, 2)).toEqual([ids.published, ids.scheduled]);
    expect(draftIds(await list(clerk, { sort: "submitted", dir: "asc" })).slice(0, 3)).toEqual([ids.scheduled, ids.approved, ids.returned]);
    expect(draftIds(await list(clerk, { sort: "updated", dir: "asc" }))[0]).toBe(ids.edited);
  });

  it("pages with a limit, saying when there is more", async () => {
    const first = await list(clerk, { limit: "3" });
    expect(draftIds(first)).toEqual([ids.published, ids.editing, ids.untitled]);
    expect(first.hasMore).toBe(true);
    expect((await list(clerk, { limit: "8" })).hasMore).toBe(false);
  });

  it("falls back to defaults for settings it does not understand, and names them", async () => {
    const work = await list(clerk, { state: "lost", sort: "colour", dir: "sideways", scope: "everyone", limit: "99999999", q: "x".repeat(201) });
    expect(work.ignored.sort()).toEqual(["dir", "limit", "q", "scope", "sort", "state"]);
    expect(work.query).toEqual({ q: "", state: "all", scope: "mine", sort: "updated", dir: "desc", limit: 50 });
    expect(work.items).toHaveLength(8);
    expect((await list(clerk, { state: ["draft", "returned"] })).ignored).toEqual(["state"]);
  });
});
