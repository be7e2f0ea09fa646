/**
 * Before the browser tests: a fresh database (dropped and recreated), migrated and seeded,
 * so every e2e run starts from the same known state. Refuses any database whose name does
 * not say it is for e2e, so it can never drop real data (e2e/support/e2e-database.ts).
 */
import { createPrisma } from "@/lib/server/db/client";
import { envOf, logConfig } from "@/lib/server/env";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { recreateE2eDatabase } from "../e2e/support/e2e-database";

// Recreated and migrated as the owner, seeded as the application, as in a deployment.
const { DATABASE_URL: url, DATABASE_OWNER_URL } = envOf(["DATABASE_URL", "DATABASE_OWNER_URL"]);
const name = await recreateE2eDatabase(DATABASE_OWNER_URL ?? url);

const prisma = createPrisma(url);
const { size } = await seedDemo(prisma, logConfig());
await prisma.$disconnect();
console.log(`e2e-prepare: ${name} ready, log size ${size}`);
