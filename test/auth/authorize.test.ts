/** Authorization guards: anonymous 401, roles 403, a clerk only for their own agencies. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/api/errors";
import { loadActor, requireAgencyClerk, requireRole, requireUser, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
const actors: Record<string, Actor> = {};
const PASSWORD = "correct horse battery";

function status(action: () => unknown): number | "allowed" {
  try {
    action();
    return "allowed";
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲", nameEn: "A" },
    { id: "agency-b", nameZh: "乙", nameEn: "B" },
  ]);
  const people = [
    { key: "admin", role: "administrator" as const },
    { key: "clerk", role: "clerk" as const, agencyIds: ["agency-a"] },
    { key: "auditor", role: "auditor" as const },
  ];
  for (const p of people) {
    const { id } = await createUser(prisma, { email: `${p.key}@example.org`, name: p.key, password: PASSWORD, role: p.role, agencyIds: p.agencyIds });
    actors[p.key] = (await loadActor(prisma, id))!;
  }
  await prisma.user.create({ data: { id: "no-role", name: "Nobody", email: "nobody@example.org" } });
  actors.none = (await loadActor(prisma, "no-role"))!;
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("authorize", () => {
  it("answers an anonymous visitor with 401 everywhere", () => {
    expect(status(() => requireUser(null))).toBe(401);
    expect(status(() => requireRole(null, "auditor"))).toBe(401);
    expect(status(() => requireAgencyClerk(null, "agency-a"))).toBe(401);
  });

  it("lets a clerk of agency A publish for A and denies B with 403", () => {
    expect(actors.clerk!.agencyIds).toEqual(["agency-a"]);
    expect(status(() => requireAgencyClerk(actors.clerk!, "agency-a"))).toBe("allowed");
    expect(status(() => requireAgencyClerk(actors.clerk!, "agency-b"))).toBe(403);
  });

  it("keeps the auditor read-only: may read, may not administer or publish", () => {
    expect(status(() => requireRole(actors.auditor!, "administrator", "auditor"))).toBe("allowed");
    expect(status(() => requireRole(actors.auditor!, "administrator"))).toBe(403);
    expect(status(() => requireAgencyClerk(actors.auditor!, "agency-a"))).toBe(403);
  });

  it("does not make an administrator a clerk, nor authorize a user without a role", () => {
    expect(status(() => requireRole(actors.admin!, "administrator"))).toBe("allowed");
    expect(status(() => requireAgencyClerk(actors.admin!, "agency-a"))).toBe(403);
    expect(actors.none!.role).toBeNull();
    expect(status(() => requireUser(actors.none!))).toBe("allowed");
    expect(status(() => requireRole(actors.none!, "administrator", "clerk", "auditor"))).toBe(403);
  });

  it("reads role and agencies fresh: a removed assignment is denied at once", async () => {
    await prisma.$transaction([
      prisma.clerkAgency.deleteMany({ where: { userId: actors.clerk!.id } }),
      prisma.auditEvent.create({ data: { action: "user.agencies-change", subject: actors.clerk!.id } }),
    ]);
    const reloaded = await loadActor(prisma, actors.clerk!.id);
    expect(status(() => requireAgencyClerk(reloaded, "agency-a"))).toBe(403);
  });
});
