import "server-only";
/** One Prisma client per process (each holds a connection pool), through the pg driver adapter. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { databaseUrl } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { gongshiPrisma?: PrismaClient };

export function createPrisma(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** The process-wide client; kept on globalThis so Next's dev reloads do not open new pools. */
export function db(): PrismaClient {
  globalForPrisma.gongshiPrisma ??= createPrisma(databaseUrl());
  return globalForPrisma.gongshiPrisma;
}
