import "server-only";
/**
 * Withholds fields of a logged notice version from public view (for example personal data
 * a law requires removed), stating the legal basis. The fields' values and salts stop being
 * served at once; the committer then logs a `redact` entry so the withholding is itself
 * public and permanent, and every proof still verifies (docs/log-format.md). Authorization
 * is the caller's: only administrators may redact (the admin services check it).
 */
import { attachmentNamePath, buildRedactLeaf, encodeLeaf, InputError } from "@/lib/core/log";
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { reindexNotice } from "@/lib/server/search/index-notice";

export interface NewRedaction {
  noticeId: string;
  version: number;
  /** Field names and/or attachments/<i>/name. */
  withhold: string[];
  /** A statute citation; permanent plaintext in the log, so never personal data. */
  basis: string;
}

export class RedactionError extends Error {
  constructor(
    readonly code: "not-found" | "pending" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/** Records the redaction; returns its id. */
export async function recordRedaction(prisma: PrismaClient, input: NewRedaction): Promise<bigint> {
  return prisma.$transaction((tx) => writeRedaction(tx, input));
}

/** recordRedaction inside the caller's transaction (with the audit event that records it). */
export async function writeRedaction(tx: Prisma.TransactionClient, input: NewRedaction): Promise<bigint> {
  const version = await tx.noticeVersion.findUnique({
    where: { noticeId_version: { noticeId: input.noticeId, version: input.version } },
    include: { notice: { select: { agencyId: true } }, logEntry: { select: { index: true } }, attachments: { select: { position: true } } },
  });
  if (!version) throw new RedactionError("not-found", `notice ${input.noticeId} has no version ${input.version}`);
  if (!version.logEntry) throw new RedactionError("pending", `version ${input.version} of ${input.noticeId} is not in the log yet`);
  const paths = new Set([...Object.keys(version.fields as Record<string, string>), ...version.attachments.map((a) => attachmentNamePath(a.position))]);
  const unknown = input.withhold.filter((p) => !paths.has(p));
  if (unknown.length > 0) throw new RedactionError("invalid", `version ${input.version} has no field ${unknown.join(", ")}`);
  // Built once as a check, as for versions: a redaction the committer could not log would
  // block the queue forever (the basis rules live in the leaf format).
  let withhold: string[];
  try {
    const leaf = buildRedactLeaf({
      agency: version.notice.agencyId,
      notice: input.noticeId,
      loggedAt: new Date().toISOString(),
      target: Number(version.logEntry.index),
      withhold: input.withhold,
      basis: input.basis,
    });
    encodeLeaf(leaf);
    withhold = leaf.withhold;
  } catch (e) {
    if (e instanceof InputError) throw new RedactionError("invalid", e.message);
    throw e;
  }
  const created = await tx.redaction.create({ data: { noticeVersionId: version.id, withhold, basis: input.basis } });
  // Same transaction: withheld text leaves the search index the moment it is withheld.
  await reindexNotice(tx, input.noticeId);
  return created.id;
}
