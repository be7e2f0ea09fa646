/**
 * Run by e2e/admin/revise-support.ts under the server's conditions (tsx --conditions=react-server),
 * against the e2e database: publishes or amends a notice through the publishing services as a
 * clerk, or makes sure an e2e-only administrator exists. The browser tests need notices of their
 * own to retract and redact, so no other spec's notice ever changes under it.
 *
 *   publishing-cli.ts publish <clerk email> <json fields> [attachment file name]
 *   publishing-cli.ts amend <clerk email> <notice id> <base version> <json fields> <reason> [reason detail]
 *   publishing-cli.ts admin <email> <password>
 *   publishing-cli.ts redact <administrator email> <notice id> <version> <json paths> <basis>
 */
import { loadActor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { publishNotice } from "@/lib/server/publishing/publish-notice";
import { redactNoticeVersion } from "@/lib/server/publishing/redact-notice-version";

const [command, ...args] = process.argv.slice(2);
const prisma = createPrisma(process.env.DATABASE_URL ?? "");

async function actorByEmail(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return loadActor(prisma, user.id);
}

try {
  if (command === "publish") {
    const [email, fields, fileName] = args as [string, string, string | undefined];
    const actor = (await actorByEmail(email))!;
    const attachments = fileName ? [{ fileName, content: new TextEncoder().encode("%PDF-1.4\n% e2e attachment\n%%EOF\n") }] : [];
    const result = await publishNotice({ db: prisma, actor }, { agencyId: actor.agencyIds[0]!, fields: JSON.parse(fields), attachments });
    console.log(JSON.stringify(result));
  } else if (command === "amend") {
    const [email, noticeId, baseVersion, fields, reason, reasonDetail] = args as [string, string, string, string, string, string | undefined];
    const result = await amendNotice(
      { db: prisma, actor: await actorByEmail(email) },
      { noticeId, kind: "amend", baseVersion: Number(baseVersion), fields: JSON.parse(fields), reason, reasonDetail, attachments: "keep" },
    );
    console.log(JSON.stringify(result));
  } else if (command === "admin") {
    const [email, password] = args as [string, string];
    if (!(await prisma.user.findUnique({ where: { email } }))) await createUser(prisma, { email, name: "E2E administrator", password, role: "administrator" });
    console.log(JSON.stringify({ email }));
  } else if (command === "redact") {
    const [email, noticeId, version, withhold, basis] = args as [string, string, string, string, string];
    const result = await redactNoticeVersion({ db: prisma, actor: await actorByEmail(email) }, { noticeId, version: Number(version), withhold: JSON.parse(withhold), basis });
    console.log(JSON.stringify(result));
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await prisma.$disconnect();
}
