import "server-only";
/**
 * Idempotency-Key for the agency API (draft-ietf-httpapi-idempotency-key-header): a client
 * that retries a request with the same key gets the first answer again, and the work is done
 * once, however the retries interleave.
 *
 * The key's row is inserted first, inside the transaction that does the work. A concurrent
 * duplicate's INSERT waits on the primary key until that transaction ends: after a commit it
 * finds the stored answer, after a rollback (the work failed) it does the work itself. So no
 * crash or race can leave a notice published without its key, or a key claimed without its
 * answer. Failures are not stored: a request that failed published nothing and may be retried.
 */
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/server/api/errors";
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { canonicalJson } from "@/lib/core/log";

export interface StoredAnswer {
  status: number;
  body: Prisma.InputJsonObject;
}

/** 1 to 200 printable ASCII characters (a UUID is typical). */
const KEY = /^[\x20-\x7E]{1,200}$/;

export function parseIdempotencyKey(header: string | null): string {
  if (header === null || header === "") throw new ApiError("bad-request", "the Idempotency-Key header is required (1 to 200 printable ASCII characters, e.g. a UUID)");
  if (!KEY.test(header)) throw new ApiError("bad-request", "Idempotency-Key: must be 1 to 200 printable ASCII characters");
  return header;
}

/** SHA-256 of the request's meaning (RFC 8785 JSON), so re-encoding the same request still matches. */
export function requestHash(request: unknown): string {
  let text: string;
  try {
    text = canonicalJson(request);
  } catch {
    // Values JCS refuses (fractions) are refused by validation later; any stable text will do.
    text = JSON.stringify(request);
  }
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export async function withIdempotencyKey(
  prisma: PrismaClient,
  claim: { tokenId: string; key: string; requestHash: string },
  work: (tx: Prisma.TransactionClient) => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO idempotency_key (token_id, key, request_hash) VALUES (${claim.tokenId}, ${claim.key}, ${claim.requestHash})
        ON CONFLICT (token_id, key) DO NOTHING`;
      if (claimed === 0) {
        const stored = await tx.idempotencyKey.findUniqueOrThrow({ where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } } });
        if (stored.requestHash !== claim.requestHash) {
          throw new ApiError("conflict", "this Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        // Committed rows always carry their answer (it is written in the claiming transaction).
        return { status: stored.responseStatus ?? 500, body: (stored.responseBody ?? {}) as Prisma.InputJsonObject, replayed: true };
      }
      const answer = await work(tx);
      await tx.idempotencyKey.update({
        where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } },
        data: { responseStatus: answer.status, responseBody: answer.body },
      });
      return { ...answer, replayed: false };
    },
    // Attachments up to the size limit are written in this transaction; duplicates wait on it.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
