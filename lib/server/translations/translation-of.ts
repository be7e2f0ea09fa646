import "server-only";
/**
 * "This notice is a translation of: [id]" as typed by a clerk (the staff notice page, the draft
 * editor): the id's syntax, and whether it names a notice. Whether the pair makes a translation
 * is decided when the link is recorded (record-translation.ts), since a draft's language can
 * still change.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";

/** Anything longer, or with spaces or control characters inside, names no notice. */
export const NOTICE_ID = /^[^\s\p{Cc}]{1,100}$/u;

export const TRANSLATION_OF_INVALID = "translationOf is not a notice id";
export const TRANSLATION_OF_UNKNOWN = "translationOf names no notice";

/** The trimmed id ("" → null), or a 400 / 404 naming translationOf. */
export async function checkTranslationOf(tx: Prisma.TransactionClient, typed: string): Promise<string | null> {
  const id = typed.trim();
  if (id === "") return null;
  if (!NOTICE_ID.test(id)) throw new ApiError("bad-request", TRANSLATION_OF_INVALID);
  if (!(await tx.notice.findUnique({ where: { id }, select: { id: true } }))) throw new ApiError("not-found", TRANSLATION_OF_UNKNOWN);
  return id;
}

/**
 * The link a published draft was to make could not be made (its original is gone from reach,
 * the clerk does not publish for it, or record-translation.ts refused the pair): the publication
 * was refused for that reason, which the editor shows as such.
 */
export class TranslationOfRefused extends ApiError {
  constructor(readonly refusal: ApiError) {
    super(refusal.code, refusal.message);
  }
}

/** Runs `link`, turning its ApiError refusals into TranslationOfRefused. */
export async function asTranslationOf<T>(link: () => Promise<T>): Promise<T> {
  try {
    return await link();
  } catch (error) {
    throw error instanceof ApiError ? new TranslationOfRefused(error) : error;
  }
}
