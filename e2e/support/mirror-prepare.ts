/**
 * Before an e2e mirror starts: its database recreated empty and migrated, nothing seeded —
 * everything a mirror serves it copies from its origin. Run as
 * `tsx --conditions=react-server e2e/support/mirror-prepare.ts` with DATABASE_OWNER_URL (or
 * DATABASE_URL) set
 * (playwright.config.ts for the main mirror, e2e/support/mirror-pair.ts for the fault pair).
 */
import { recreateE2eDatabase } from "./e2e-database";

const name = await recreateE2eDatabase(process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL ?? "");
console.log(`mirror-prepare: ${name} ready, empty`);
