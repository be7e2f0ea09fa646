/** `npm run search:reindex`: rebuilds every notice's search row (lib/server/search/reindex-all.ts). */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { reindexAll } from "@/lib/server/search/reindex-all";

const prisma = db();
try {
  const total = await reindexAll(prisma, (done) => {
    if (done % 5_000 < 500) console.log(`search:reindex: ${done} notices`);
  });
  console.log(`search:reindex: rebuilt ${total} rows`);
} catch (error) {
  console.error(`search:reindex: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
