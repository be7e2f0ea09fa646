import "server-only";
/**
 * The checks every publishing service repeats, turned into the project's one error type:
 * fields against the schema, attachments by content and size, and the version store's own
 * refusals (wrong agency, retracted, stale) as 403/409 answers.
 */
import { z } from "zod";
import { ApiError } from "@/lib/server/api/errors";
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { NoticeVersionError, type NewAttachment } from "@/lib/server/notices/record-notice-version";
import { RedactionError } from "@/lib/server/notices/record-redaction";
import { ATTACHMENT_PROBLEM_MESSAGES, checkAttachment, MAX_ATTACHMENTS, type UploadedAttachment } from "./attachment-policy";
import { describeProblems } from "../../shared/publishing/notice-fields";

/** `input` parsed by `schema`, or a 400 naming each field's problem. */
export function parseOrReject<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError("bad-request", describeProblems(parsed.error));
  return parsed.data;
}

/** Attachments ready to store, or a 400 (413 when too large) naming the first bad file. */
export function acceptAttachments(attachments: readonly UploadedAttachment[], maxBytes: number): NewAttachment[] {
  if (attachments.length > MAX_ATTACHMENTS) throw new ApiError("bad-request", `at most ${MAX_ATTACHMENTS} attachments`);
  return attachments.map((a, i) => {
    const check = checkAttachment(a, maxBytes);
    const label = `attachment ${i + 1}`;
    if (check.ok) return { fileName: check.fileName, mediaType: check.mediaType, content: a.content };
    const message = `${label} ${ATTACHMENT_PROBLEM_MESSAGES[check.problem]}${check.problem === "too-large" ? ` (${maxBytes} bytes)` : ""}`;
    throw new ApiError(check.problem === "too-large" ? "payload-too-large" : "bad-request", message);
  });
}

/** The version store's refusals as answers a clerk or client can act on. */
export function asApiError(error: unknown): unknown {
  if (error instanceof NoticeVersionError || error instanceof RedactionError) {
    const code = { "not-found": "not-found", "wrong-agency": "forbidden", retracted: "conflict", stale: "conflict", pending: "conflict", invalid: "bad-request" } as const;
    return new ApiError(code[error.code], error.message);
  }
  return error;
}

/** Runs `work` in the caller's transaction when given one, else in a new one. */
export async function inTransaction<T>(prisma: PrismaClient, tx: Prisma.TransactionClient | undefined, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await (tx ? work(tx) : prisma.$transaction(work, { timeout: 30_000 }));
  } catch (error) {
    throw asApiError(error);
  }
}

/** The notice's agency, or 404: every version-adding service authorizes against it. */
export async function noticeAgency(prisma: PrismaClient | Prisma.TransactionClient, noticeId: string): Promise<string> {
  const notice = await prisma.notice.findUnique({ where: { id: noticeId }, select: { agencyId: true } });
  if (!notice) throw new ApiError("not-found", `notice ${noticeId} does not exist`);
  return notice.agencyId;
}
