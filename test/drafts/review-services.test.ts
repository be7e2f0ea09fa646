/**
 * Review and sign-off against a real database (docs/review.md): who may submit, return and
 * approve; a reviewer never approves their own draft; a draft in review cannot be changed or
 * published directly; an approval publishes exactly the reviewed revision, at once or at its
 * scheduled time — never before, never twice, even with two publishers running at once — and
 * the audit trail still adds up to the reviewer rights and agency settings in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeUserAccess } from "@/lib/server/admin/change-user-access";
import { updateAgency } from "@/lib/server/admin/update-agency";
import { ApiError } from "@/lib/server/api/errors";
import { checkAgencies } from "@/lib/server/audit/audit-agencies";
import { checkUserAccess } from "@/lib/server/audit/audit-user-access";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { approveDraft } from "@/lib/server/drafts/approve-draft";
import { createDraft } from "@/lib/server/drafts/create-draft";
import { deleteDraft } from "@/lib/server/drafts/delete-draft";
import { DRAFT_IN_REVIEW } from "@/lib/server/drafts/draft-dto";
import { getDraft } from "@/lib/server/drafts/get-draft";
import { getDraftReview } from "@/lib/server/drafts/get-draft-review";
import { getSignOff } from "@/lib/server/notices/get-sign-off";
import { listReviewQueue } from "@/lib/server/drafts/list-review-queue";
import { publishDraft, REVIEW_REQUIRED } from "@/lib/server/drafts/publish-draft";
import { publishDueDrafts } from "@/lib/server/drafts/publish-due-drafts";
import { returnDraft } from "@/lib/server/drafts/return-draft";
import { COMMENT_REQUIRED, DRAFT_INCOMPLETE, OWN_DRAFT, PUBLISH_AT_PAST, REVIEW_NOT_REQUIRED } from "@/lib/server/drafts/review-steps";
import { saveDraft } from "@/lib/server/drafts/save-draft";
import { submitDraft } from "@/lib/server/drafts/submit-draft";
import { withdrawDraft } from "@/lib/server/drafts/withdraw-draft";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let admin: Actor;
/** Clerk of agency-a who also reviews there: the author of the drafts below. */
let author: Actor;
let reviewer: Actor;
/** Clerk of agency-a without reviewer rights. */
let plainClerk: Actor;
/** Reviewer of agency-b only. */
let otherReviewer: Actor;

const FIELDS = { title: "关于审核流程的公告", number: "测规〔2026〕7号", category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "# 正文\n\n第一稿。" };
const PASSWORD = "correct horse battery";

async function refusal(action: () => Promise<unknown>): Promise<ApiError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function user(email: string, agencyIds: string[], reviewAgencyIds: string[]): Promise<Actor> {
  const { id } = await createUser(prisma, { email, name: email.split("@")[0]!, password: PASSWORD, role: "clerk", agencyIds, reviewAgencyIds }, admin.id);
  return (await loadActor(prisma, id))!;
}

/** A complete draft of agency-a by the author, submitted for review. */
async function submitted(body = FIELDS.body): Promise<{ id: string; revision: number }> {
  const { id } = await createDraft({ db: prisma, actor: author }, { agencyId: "agency-a" });
  const saved = await saveDraft({ db: prisma, actor: author }, { draftId: id, revision: 0, fields: { ...FIELDS, body } });
  await submitDraft({ db: prisma, actor: author }, { draftId: id, revision: saved.draft.revision, comment: "请审核" });
  return { id, revision: saved.draft.revision };
}

/** As the superuser with triggers off: what someone with database access could do. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await database.client.query("BEGIN");
  await database.client.query("SET LOCAL session_replication_role = replica");
  await database.client.query(sql, params);
  await database.client.query("COMMIT");
}

async function state(id: string) {
  return prisma.noticeDraft.findUniqueOrThrow({
    where: { id },
    select: { state: true, publishAt: true, publishedAt: true, publishedNoticeId: true, reviewedRevision: true, reviewerName: true, revision: true },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "B" },
  ]);
  const { id: adminId } = await createUser(prisma, { email: "admin@example.org", name: "Admin", password: PASSWORD, role: "administrator" });
  admin = (await loadActor(prisma, adminId))!;
  await updateAgency({ db: prisma, actor: admin }, { id: "agency-a", nameZh: "甲局", nameEn: "A", descriptionZh: "", descriptionEn: "", requiresReview: true, showSignOff: "on" });
  author = await user("author@example.org", ["agency-a"], ["agency-a"]);
  reviewer = await user("reviewer@example.org", ["agency-a", "agency-b"], ["agency-a"]);
  plainClerk = await user("plain@example.org", ["agency-a"], []);
  otherReviewer = await user("other@example.org", ["agency-b"], ["agency-b"]);
}, 60_000);
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("review and sign-off", () => {
  it("reads reviewer rights and the agency's settings from the database", async () => {
    expect(reviewer).toMatchObject({ agencyIds: ["agency-a", "agency-b"], reviewAgencyIds: ["agency-a"] });
    expect(plainClerk.reviewAgencyIds).toEqual([]);
    expect(await prisma.agency.findUniqueOrThrow({ where: { id: "agency-a" } })).toMatchObject({ requiresReview: true, showSignOff: true });
    expect(await prisma.agency.findUniqueOrThrow({ where: { id: "agency-b" } })).toMatchObject({ requiresReview: false, showSignOff: false });
  });

  it("refuses direct publication in a review agency, an incomplete submission, and submission where review is off", async () => {
    const { id } = await createDraft({ db: prisma, actor: author }, { agencyId: "agency-a" });
    const saved = await saveDraft({ db: prisma, actor: author }, { draftId: id, revision: 0, fields: FIELDS });
    expect(await refusal(() => publishDraft({ db: prisma, actor: author }, { draftId: id, revision: saved.draft.revision }))).toMatchObject({
      status: 403,
      message: REVIEW_REQUIRED,
    });
    const incomplete = await createDraft({ db: prisma, actor: author }, { agencyId: "agency-a" });
    await saveDraft({ db: prisma, actor: author }, { draftId: incomplete.id, revision: 0, fields: { title: "只有标题" } });
    expect(await refusal(() => submitDraft({ db: prisma, actor: author }, { draftId: incomplete.id, revision: 1 }))).toMatchObject({ status: 400, message: DRAFT_INCOMPLETE });
    const inB = await createDraft({ db: prisma, actor: otherReviewer }, { agencyId: "agency-b" });
    await saveDraft({ db: prisma, actor: otherReviewer }, { draftId: inB.id, revision: 0, fields: FIELDS });
    expect(await refusal(() => submitDraft({ db: prisma, actor: otherReviewer }, { draftId: inB.id, revision: 1 }))).toMatchObject({ status: 409, message: REVIEW_NOT_REQUIRED });
    expect(await refusal(() => submitDraft({ db: prisma, actor: otherReviewer }, { draftId: id, revision: saved.draft.revision }))).toMatchObject({ status: 403 });
    expect(await refusal(() => submitDraft({ db: prisma, actor: author }, { draftId: id, revision: saved.draft.revision - 1 }))).toMatchObject({ status: 409 });
    expect((await state(id)).state).toBe("editing");
  });

  it("walks submit → return with comment → fix → approve → published, exactly the reviewed revision, all audited", async () => {
    const { id, revision } = await submitted();
    expect((await state(id)).state).toBe("submitted");
    // Nobody changes, deletes or publishes a draft while it is in review.
    expect(await refusal(() => saveDraft({ db: prisma, actor: author }, { draftId: id, revision, fields: { ...FIELDS, body: "偷改" } }))).toMatchObject({
      status: 409,
      message: DRAFT_IN_REVIEW,
    });
    expect(await refusal(() => deleteDraft({ db: prisma, actor: author }, { draftId: id, revision }))).toMatchObject({ status: 409, message: DRAFT_IN_REVIEW });
    expect(await refusal(() => publishDraft({ db: prisma, actor: author }, { draftId: id, revision }))).toMatchObject({ status: 409, message: DRAFT_IN_REVIEW });
    expect((await listReviewQueue(prisma, reviewer)).awaiting.map((d) => d.id)).toContain(id);
    expect((await listReviewQueue(prisma, author)).awaiting.map((d) => d.id)).not.toContain(id);

    // Only a reviewer of the agency who did not write it may return it, and only with a comment.
    expect(await refusal(() => returnDraft({ db: prisma, actor: plainClerk }, { draftId: id, revision, comment: "不行" }))).toMatchObject({ status: 403 });
    expect(await refusal(() => returnDraft({ db: prisma, actor: otherReviewer }, { draftId: id, revision, comment: "不行" }))).toMatchObject({ status: 403 });
    expect(await refusal(() => returnDraft({ db: prisma, actor: author }, { draftId: id, revision, comment: "不行" }))).toMatchObject({ status: 403, message: OWN_DRAFT });
    expect(await refusal(() => returnDraft({ db: prisma, actor: reviewer }, { draftId: id, revision, comment: "   " }))).toMatchObject({ status: 400, message: COMMENT_REQUIRED });
    await returnDraft({ db: prisma, actor: reviewer }, { draftId: id, revision, comment: "文号有误，请改为7号。" });
    expect((await state(id)).state).toBe("returned");
    const view = await getDraftReview(prisma, author, id);
    expect(view.steps.map((s) => [s.action, s.actorName, s.comment])).toEqual([
      ["submit", "author", "请审核"],
      ["return", "reviewer", "文号有误，请改为7号。"],
    ]);
    expect(view).toMatchObject({ requiresReview: true, isReviewer: true, isAuthor: true });
    expect(await getDraftReview(prisma, reviewer, id)).toMatchObject({ isReviewer: true, isAuthor: false });

    // The clerk fixes it and submits again; the reviewer approves what they read.
    const fixed = await saveDraft({ db: prisma, actor: author }, { draftId: id, revision, fields: { ...FIELDS, body: "# 正文\n\n第二稿。" } });
    await submitDraft({ db: prisma, actor: author }, { draftId: id, revision: fixed.draft.revision });
    expect(await refusal(() => approveDraft({ db: prisma, actor: plainClerk }, { draftId: id, revision: fixed.draft.revision }))).toMatchObject({ status: 403 });
    expect(await refusal(() => approveDraft({ db: prisma, actor: author }, { draftId: id, revision: fixed.draft.revision }))).toMatchObject({ status: 403, message: OWN_DRAFT });
    expect(await refusal(() => approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision }))).toMatchObject({ status: 409 });
    const outcome = await approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision: fixed.draft.revision, comment: "同意" });
    expect(outcome.published).not.toBeNull();
    const version = await prisma.noticeVersion.findFirstOrThrow({ where: { noticeId: outcome.published!.noticeId } });
    expect((version.fields as Record<string, string>).body).toBe("# 正文\n\n第二稿。");
    expect(await state(id)).toMatchObject({ state: "approved", reviewedRevision: fixed.draft.revision, reviewerName: "reviewer", publishedNoticeId: outcome.published!.noticeId });
    const events = await prisma.auditEvent.findMany({
      where: { subject: { in: [id, outcome.published!.noticeId] } },
      orderBy: { id: "asc" },
      select: { action: true, actorUserId: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "draft.create",
      "draft.update",
      "draft.submit",
      "draft.return",
      "draft.update",
      "draft.submit",
      "draft.approve",
      "notice.publish",
    ]);
    expect(events.at(-1)!.actorUserId).toBe(reviewer.id);
    expect(await refusal(() => approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision: fixed.draft.revision }))).toMatchObject({ status: 409 });

    // The public page names the reviewer only while the agency chooses to show it.
    expect(await getSignOff(prisma, outcome.published!.noticeId, 1)).toBe("reviewer");
    expect(await getSignOff(prisma, outcome.published!.noticeId, 2)).toBeNull();
    await updateAgency({ db: prisma, actor: admin }, { id: "agency-a", nameZh: "甲局", nameEn: "A", descriptionZh: "", descriptionEn: "", requiresReview: true });
    expect(await getSignOff(prisma, outcome.published!.noticeId, 1)).toBeNull();
    await updateAgency(
      { db: prisma, actor: admin },
      { id: "agency-a", nameZh: "甲局", nameEn: "A", descriptionZh: "", descriptionEn: "", requiresReview: true, showSignOff: true },
    );
    expect(await getSignOff(prisma, outcome.published!.noticeId, 1)).toBe("reviewer");
  });

  it("names no one for a version published without review", async () => {
    const { id } = await createDraft({ db: prisma, actor: otherReviewer }, { agencyId: "agency-b" });
    const saved = await saveDraft({ db: prisma, actor: otherReviewer }, { draftId: id, revision: 0, fields: FIELDS });
    const published = await publishDraft({ db: prisma, actor: otherReviewer }, { draftId: id, revision: saved.draft.revision });
    expect(await getSignOff(prisma, published.noticeId, 1)).toBeNull();
  });

  it("does not let a reviewer who saved any revision of a draft sign it off", async () => {
    const { id } = await createDraft({ db: prisma, actor: author }, { agencyId: "agency-a" });
    await saveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision: 0, fields: FIELDS });
    const saved = await saveDraft({ db: prisma, actor: author }, { draftId: id, revision: 1, fields: { ...FIELDS, title: "作者改过的标题" } });
    await submitDraft({ db: prisma, actor: author }, { draftId: id, revision: saved.draft.revision });
    expect(await refusal(() => approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision: saved.draft.revision }))).toMatchObject({ status: 403, message: OWN_DRAFT });
    expect((await listReviewQueue(prisma, reviewer)).awaiting.map((d) => d.id)).toContain(id);
    await withdrawDraft({ db: prisma, actor: author }, { draftId: id, revision: saved.draft.revision });
    expect((await state(id)).state).toBe("editing");
  });

  it("publishes a scheduled approval at its time, not before, exactly once with two publishers at once", async () => {
    const { id, revision } = await submitted("# 正文\n\n定时发布。");
    expect(await refusal(() => approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision, publishAt: new Date(Date.now() - 1000) }))).toMatchObject({
      status: 400,
      message: PUBLISH_AT_PAST,
    });
    const publishAt = new Date(Date.now() + 60 * 60 * 1000);
    expect(await approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision, publishAt })).toEqual({ published: null, publishAt: publishAt.toISOString() });
    expect(await state(id)).toMatchObject({ state: "approved", publishAt, publishedAt: null });
    expect((await listReviewQueue(prisma, plainClerk)).scheduled.map((d) => d.id)).toContain(id);
    expect(await refusal(() => saveDraft({ db: prisma, actor: author }, { draftId: id, revision, fields: FIELDS }))).toMatchObject({ status: 409, message: DRAFT_IN_REVIEW });

    // Not yet due: nothing happens.
    expect(await publishDueDrafts(prisma, new Date(publishAt.getTime() - 1000))).toEqual({ published: [], failed: [] });
    expect((await state(id)).publishedAt).toBeNull();

    const due = new Date(publishAt.getTime() + 1000);
    const before = await prisma.noticeVersion.count();
    const rounds = await Promise.all([publishDueDrafts(prisma, due), publishDueDrafts(prisma, due), publishDueDrafts(prisma, due)]);
    expect(rounds.flatMap((r) => r.published).map((p) => p.draftId)).toEqual([id]);
    expect(await prisma.noticeVersion.count()).toBe(before + 1);
    const after = await state(id);
    expect(after.publishedAt).not.toBeNull();
    const publishEvent = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notice.publish", subject: after.publishedNoticeId! } });
    expect(publishEvent.actorUserId).toBe(reviewer.id);
    expect(await prisma.auditEvent.count({ where: { action: "draft.publish-scheduled", subject: id, actorUserId: reviewer.id } })).toBe(1);
    expect(await publishDueDrafts(prisma, due)).toEqual({ published: [], failed: [] });
  });

  it("takes a scheduled draft back to review when its revision moved or its reviewer lost the right", async () => {
    const moved = await submitted("# 正文\n\n修订号被改。");
    const publishAt = new Date(Date.now() + 60_000);
    await approveDraft({ db: prisma, actor: reviewer }, { draftId: moved.id, revision: moved.revision, publishAt });
    // Around the services (as someone with database access might): the approved revision is no longer the draft's.
    await tamper("UPDATE notice_draft SET revision = revision + 1 WHERE id = $1", [moved.id]);
    const lapsed = await submitted("# 正文\n\n审核人失去权限。");
    await approveDraft({ db: prisma, actor: reviewer }, { draftId: lapsed.id, revision: lapsed.revision, publishAt: new Date(publishAt.getTime() + 60_000) });
    const first = await publishDueDrafts(prisma, new Date(publishAt.getTime() + 1000));
    expect(first).toEqual({ published: [], failed: [{ draftId: moved.id, reason: "someone else saved this draft after you opened it; your changes were not saved" }] });
    await changeUserAccess({ db: prisma, actor: admin }, { userId: reviewer.id, role: "clerk", agencyIds: ["agency-a", "agency-b"], reviewAgencyIds: [] });
    const second = await publishDueDrafts(prisma, new Date(publishAt.getTime() + 61_000));
    expect(second).toEqual({ published: [], failed: [{ draftId: lapsed.id, reason: "you do not review drafts for this agency" }] });
    for (const id of [moved.id, lapsed.id]) {
      expect(await state(id)).toMatchObject({ state: "submitted", publishAt: null, publishedAt: null });
      expect(await prisma.auditEvent.count({ where: { action: "draft.schedule-failed", subject: id } })).toBe(1);
    }
    expect((await loadActor(prisma, reviewer.id))!.reviewAgencyIds).toEqual([]);
    await changeUserAccess({ db: prisma, actor: admin }, { userId: reviewer.id, role: "clerk", agencyIds: ["agency-a", "agency-b"], reviewAgencyIds: ["agency-a"] });
    // Without reviewAgencyIds the rights stay as they are.
    await changeUserAccess({ db: prisma, actor: admin }, { userId: reviewer.id, role: "clerk", agencyIds: ["agency-a", "agency-b"] });
    expect((await loadActor(prisma, reviewer.id))!.reviewAgencyIds).toEqual(["agency-a"]);
  });

  it("refuses reviewer rights for an agency the clerk does not belong to", async () => {
    await expect(
      changeUserAccess({ db: prisma, actor: admin }, { userId: plainClerk.id, role: "clerk", agencyIds: ["agency-a"], reviewAgencyIds: ["agency-b"] }),
    ).rejects.toMatchObject({ field: "reviewAgencyIds", messageKey: "reviewNeedsAgency" });
  });

  it("lets a withdrawn approval be edited again, without its schedule", async () => {
    const { id, revision } = await submitted();
    await approveDraft({ db: prisma, actor: reviewer }, { draftId: id, revision, publishAt: new Date(Date.now() + 60_000) });
    await withdrawDraft({ db: prisma, actor: plainClerk }, { draftId: id, revision });
    expect(await state(id)).toMatchObject({ state: "editing", publishAt: null, reviewedRevision: null });
    await saveDraft({ db: prisma, actor: author }, { draftId: id, revision, fields: { ...FIELDS, title: "改后的标题" } });
    expect((await getDraft(prisma, author, id)).draft.review.state).toBe("editing");
  });

  it("leaves an audit trail that adds up to the reviewer rights and review settings", async () => {
    expect(await checkUserAccess(prisma)).toEqual([]);
    expect(await checkAgencies(prisma)).toEqual([]);
    await tamper("UPDATE clerk_agency SET can_review = true WHERE user_id = $1", [plainClerk.id]);
    expect(await checkUserAccess(prisma)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^clerk_agency may review in \[agency-a\], but the audit trail gives \[\]/) }),
    ]);
    await tamper("UPDATE clerk_agency SET can_review = false WHERE user_id = $1", [plainClerk.id]);
  });
});
