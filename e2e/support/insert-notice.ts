/**
 * Stores a notice's versions in the e2e database through the same service clerks use
 * (recordNoticeVersion), for specs that need a text no demo notice has. Server modules import
 * `server-only`, which only loads under React's server condition, so this runs in a child
 * process with that condition (as the repository's scripts do). The committer logs the
 * versions within a moment.
 */
import { execFileSync } from "node:child_process";

export type FixtureVersion = { kind: "publish" | "amend" | "correct"; fields: Record<string, string> };

export function insertNoticeVersions(noticeId: string, agencyId: string, versions: FixtureVersion[]): void {
  const script = `
    const { createPrisma } = await import("@/lib/server/db/client");
    const { recordNoticeVersion } = await import("@/lib/server/notices/record-notice-version");
    const prisma = createPrisma(process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e");
    for (const v of ${JSON.stringify(versions)}) {
      await recordNoticeVersion(prisma, { noticeId: ${JSON.stringify(noticeId)}, agencyId: ${JSON.stringify(agencyId)}, kind: v.kind, fields: v.fields });
    }
    await prisma.$disconnect();`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], { stdio: "pipe", timeout: 60_000 });
}

/**
 * Stores one version each of several new notices in a single transaction, so the committer finds
 * them pending together and logs them in one batch: the log then has a size no checkpoint was
 * signed at (a checkpoint covers the whole batch).
 */
export function insertNoticesTogether(notices: { noticeId: string; agencyId: string; fields: Record<string, string> }[]): void {
  const script = `
    const { createPrisma } = await import("@/lib/server/db/client");
    const { writeNoticeVersion } = await import("@/lib/server/notices/record-notice-version");
    const prisma = createPrisma(process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e");
    await prisma.$transaction(async (tx) => {
      for (const n of ${JSON.stringify(notices)}) await writeNoticeVersion(tx, { noticeId: n.noticeId, agencyId: n.agencyId, kind: "publish", fields: n.fields });
    });
    await prisma.$disconnect();`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], { stdio: "pipe", timeout: 60_000 });
}
