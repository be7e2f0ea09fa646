/** `npm run admin:create`: password from stdin or a file, never argv; rules enforced; audited. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/harness";

let database: TestDatabase;
let prisma: PrismaClient;

function adminCreate(args: string[], stdin = "") {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "test" },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("admin:create", () => {
  it("creates an administrator with the password from stdin, and records it", async () => {
    const run = adminCreate(["--email", "First@Example.org", "--name", "First Admin"], "a good long password\n");
    expect(run.out).toContain("administrator first@example.org created");
    expect(run.status).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "first@example.org" }, include: { role: true, accounts: true } });
    expect(user.role?.role).toBe("administrator");
    expect(user.accounts[0]!.password).not.toContain("a good long password");
    expect(await prisma.auditEvent.count({ where: { action: "user.create", subject: user.id } })).toBe(1);
  });

  it("reads --password-file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "gongshi-")), "pw");
    writeFileSync(file, "another long password\n", { mode: 0o600 });
    expect(adminCreate(["--email", "second@example.org", "--name", "Second", "--password-file", file]).status).toBe(0);
  });

  it("refuses a password on the command line, a weak password and a duplicate email", () => {
    const argv = adminCreate(["--email", "x@example.org", "--name", "X", "--password", "a good long password"]);
    expect([argv.status, argv.out]).toEqual([1, expect.stringContaining("not accepted")]);
    const weak = adminCreate(["--email", "y@example.org", "--name", "Y"], "y@example.org\n");
    expect([weak.status, weak.out]).toEqual([1, expect.stringContaining("not be the email")]);
    const again = adminCreate(["--email", "first@example.org", "--name", "Again"], "a good long password\n");
    expect([again.status, again.out]).toEqual([1, expect.stringContaining("exists")]);
  });
});
