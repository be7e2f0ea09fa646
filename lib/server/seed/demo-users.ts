import "server-only";
/**
 * Demo accounts, for local use only: their passwords are published in the README, so a
 * database seeded with them must never be reachable by anyone else. Production databases are
 * not seeded; their first administrator comes from `npm run admin:create`.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createUser, type NewUser } from "@/lib/server/auth/create-user";

export const DEMO_USERS: NewUser[] = [
  { email: "admin@demo.gongshi.invalid", name: "演示管理员 Demo Administrator", password: "demo-admin-password", role: "administrator" },
  {
    email: "clerk@demo.gongshi.invalid",
    name: "演示办事员 Demo Clerk",
    password: "demo-clerk-password",
    role: "clerk",
    agencyIds: ["hp-planning"],
  },
  // hp-ecology requires review (demo-agencies.ts): one clerk drafts, the other signs off. No email
  // here contains another's (e2e tests find accounts by link name, which matches substrings).
  {
    email: "ecology@demo.gongshi.invalid",
    name: "演示办事员（生态环境局）Demo Ecology Clerk",
    password: "demo-ecology-password",
    role: "clerk",
    agencyIds: ["hp-ecology"],
  },
  {
    email: "reviewer@demo.gongshi.invalid",
    name: "演示审核人 Demo Reviewer",
    password: "demo-reviewer-password",
    role: "clerk",
    agencyIds: ["hp-ecology"],
    reviewAgencyIds: ["hp-ecology"],
  },
];

/** Creates the demo accounts that do not exist yet (idempotent, like the rest of the seed). */
export async function seedDemoUsers(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { email: user.email } })) continue;
    await createUser(prisma, user);
    created++;
  }
  return created;
}
