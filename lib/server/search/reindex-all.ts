import "server-only";
/**
 * Rebuilds every notice's search row (after a deploy that changes tokenization or the row's
 * shape). Each batch is its own transaction, so it is safe while the portal runs:
 * recordNoticeVersion keeps rows current meanwhile.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { reindexNotices } from "./index-notice";

const BATCH_SIZE = 500;

/** Returns how many rows were rebuilt; `progress` is told the running total after each batch. */
export async function reindexAll(prisma: PrismaClient, progress?: (done: number) => void): Promise<number> {
  let after = "";
  let total = 0;
  for (;;) {
    const ids = (await prisma.notice.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH_SIZE, select: { id: true } })).map((n) => n.id);
    if (ids.length === 0) return total;
    await prisma.$transaction((tx) => reindexNotices(tx, ids), { timeout: 120_000 });
    total += ids.length;
    after = ids[ids.length - 1]!;
    progress?.(total);
  }
}
