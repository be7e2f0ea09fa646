import "server-only";
/**
 * Stores a new version of a notice, pending until the committer logs it. Each field gets a
 * fresh random salt (so a commitment reveals nothing about a short value, and a field can be
 * withheld later without affecting any other field). Authorization is the caller's: the
 * clerk-facing services check the clerk's agency before calling this.
 */
import { createHash } from "node:crypto";
import { buildNoticeLeaf, InputError, newSalt, toBase64, type NoticeKind } from "@/lib/core/log";
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { reindexNotice } from "@/lib/server/search/index-notice";

export interface NewAttachment {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

export interface NewNoticeVersion {
  noticeId: string;
  agencyId: string;
  kind: NoticeKind;
  fields: Record<string, string>;
  attachments?: NewAttachment[];
  createdAt?: Date;
}

export class NoticeVersionError extends Error {
  constructor(
    readonly code: "not-found" | "wrong-agency" | "retracted" | "stale" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/** Returns the new version's number. A publish creates the notice; other kinds extend it. */
export async function recordNoticeVersion(prisma: PrismaClient, input: NewNoticeVersion): Promise<number> {
  return prisma.$transaction((tx) => writeNoticeVersion(tx, input));
}

/**
 * recordNoticeVersion inside the caller's transaction, so that what the version answers
 * (an audit event, a published draft, an idempotency record) commits with it or not at all.
 * `expectLatest`: the version the writer saw; a different latest one is a conflict, so two
 * clerks amending at once cannot silently base one amendment on a text it never showed.
 */
export async function writeNoticeVersion(tx: Prisma.TransactionClient, input: NewNoticeVersion & { expectLatest?: number }): Promise<number> {
  let version = 1;
  if (input.kind === "publish") {
    await tx.notice.create({ data: { id: input.noticeId, agencyId: input.agencyId, ...(input.createdAt ? { createdAt: input.createdAt } : {}) } });
  } else {
    // Two concurrent amendments must not both become version N+1: a transaction lock per notice
    // serializes them. A row lock (FOR UPDATE) would need the UPDATE privilege on notice, which
    // the application role does not have (docs/database-roles.md).
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtextextended('notice ' || $1, 0))", input.noticeId);
    const rows = await tx.$queryRawUnsafe<{ agency_id: string }[]>("SELECT agency_id FROM notice WHERE id = $1", input.noticeId);
    if (!rows[0]) throw new NoticeVersionError("not-found", `notice ${input.noticeId} does not exist`);
    if (rows[0].agency_id !== input.agencyId) throw new NoticeVersionError("wrong-agency", `notice ${input.noticeId} belongs to another agency`);
    const latest = await tx.noticeVersion.findFirstOrThrow({ where: { noticeId: input.noticeId }, orderBy: { version: "desc" } });
    if (latest.kind === "retract") throw new NoticeVersionError("retracted", `notice ${input.noticeId} is retracted`);
    if (input.expectLatest !== undefined && latest.version !== input.expectLatest) {
      throw new NoticeVersionError("stale", `notice ${input.noticeId} has a version ${latest.version} newer than ${input.expectLatest}`);
    }
    version = latest.version + 1;
  }
  const saltBytes = Object.fromEntries(Object.keys(input.fields).map((name) => [name, newSalt()]));
  const commitments = checkLeafable(input, version, saltBytes);
  const salts = Object.fromEntries(Object.entries(saltBytes).map(([name, salt]) => [name, toBase64(salt)]));
  const created = await tx.noticeVersion.create({
    data: {
      noticeId: input.noticeId,
      version,
      kind: input.kind,
      fields: input.fields,
      salts,
      commitments,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
  for (const [position, a] of (input.attachments ?? []).entries()) {
    await tx.attachment.create({
      data: {
        noticeVersionId: created.id,
        position,
        fileName: a.fileName,
        nameSalt: new Uint8Array(newSalt()),
        mediaType: a.mediaType,
        sha256: createHash("sha256").update(a.content).digest("hex"),
        size: a.content.length,
        content: new Uint8Array(a.content),
      },
    });
  }
  // Same transaction: a notice is searchable exactly when its new version exists.
  await reindexNotice(tx, input.noticeId);
  return version;
}

/**
 * A stored version must be one the committer can log: a version that cannot become a leaf
 * (bad field name, too many fields, a value with a lone surrogate) would stop the queue, and
 * being append-only it could never be removed. So the leaf is built once here, as a check; its
 * field commitments are stored with the version, so the committer only assembles the leaf.
 */
function checkLeafable(input: NewNoticeVersion, version: number, salts: Record<string, Uint8Array>): Record<string, string> {
  try {
    return buildNoticeLeaf({
      kind: input.kind,
      agency: input.agencyId,
      notice: input.noticeId,
      version,
      loggedAt: new Date().toISOString(),
      supersedes: version === 1 ? null : 0,
      fields: input.fields,
      salts,
      attachments: (input.attachments ?? []).map((a) => ({ sha256: "0".repeat(64), size: a.content.length, name: a.fileName, nameSalt: newSalt() })),
    }).fields;
  } catch (e) {
    if (e instanceof InputError) throw new NoticeVersionError("invalid", e.message);
    throw e;
  }
}
