/** `npm run seed`: demo agencies and notices, committed to the log (idempotent). */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { logConfig } from "@/lib/server/env";
import { seedDemo } from "@/lib/server/seed/seed-demo";

const prisma = db();
try {
  const { notices, size } = await seedDemo(prisma, logConfig());
  console.log(`seed: ${notices} new demo notices; log size ${size}`);
} catch (error) {
  console.error(`seed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
