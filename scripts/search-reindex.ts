/**
 * `npm run search:reindex`: rebuilds every notice's search row from its versions — after a
 * deploy that changes tokenization or the row's shape. Safe while the portal runs: each batch
 * is its own transaction, and recordNoticeVersion keeps rows current meanwhile.
 */
import "./load-env";
import { db } from "@/lib/db/client";
import { reindexNotice } from "@/lib/search/index-notice";

const BATCH_SIZE = 200;

const prisma = db();
try {
  let after = "";
  let total = 0;
  for (;;) {
    const ids = (await prisma.notice.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH_SIZE, select: { id: true } })).map((n) => n.id);
    if (ids.length === 0) break;
    await prisma.$transaction(async (tx) => {
      for (const id of ids) await reindexNotice(tx, id);
    }, { timeout: 120_000 });
    total += ids.length;
    after = ids[ids.length - 1]!;
    if (total % 5_000 < BATCH_SIZE) console.log(`search:reindex: ${total} notices`);
  }
  console.log(`search:reindex: rebuilt ${total} rows`);
} catch (error) {
  console.error(`search:reindex: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
