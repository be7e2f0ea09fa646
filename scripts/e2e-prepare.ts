/**
 * Before the browser tests: a fresh database (dropped and recreated), migrated and seeded,
 * so every e2e run starts from the same known state. Refuses any database whose name does
 * not say it is for e2e, so it can never drop real data.
 */
import path from "node:path";
import pg from "pg";
import { createPrisma } from "@/lib/db/client";
import { logConfig } from "@/lib/env";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/seed/seed-demo";

const url = new URL(process.env.DATABASE_URL ?? "");
const name = url.pathname.slice(1);
if (!/^gongshi_e2e\w*$/.test(name)) throw new Error(`e2e-prepare: refusing to recreate database "${name}"`);

const admin = new URL(url);
admin.pathname = "/postgres";
const adminClient = new pg.Client({ connectionString: admin.toString() });
await adminClient.connect();
await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await adminClient.query(`CREATE DATABASE ${name}`);
await adminClient.end();

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await migrate(client, await readMigrations(path.resolve("prisma/migrations")));
await client.end();

const prisma = createPrisma(url.toString());
const { size } = await seedDemo(prisma, logConfig());
await prisma.$disconnect();
console.log(`e2e-prepare: ${name} ready, log size ${size}`);
