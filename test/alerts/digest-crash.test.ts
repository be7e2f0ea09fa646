/**
 * A digest round killed (SIGKILL) after the SMTP server has a digest and before the round
 * records it: the digest is sent again by the next round, with the same Message-ID, and then
 * never again — at least once, as docs/alerts.md promises. The round runs as
 * `npm run alerts:send` does (scripts/alerts-send.ts) in a child process, against a real
 * PostgreSQL and the real SMTP sink, which holds its "accepted" answer until the child is dead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { createMailer } from "@/lib/server/alerts/mailer";
import { subscribe } from "@/lib/server/alerts/subscribe";
import { confirmSubscription } from "@/lib/server/alerts/confirm-subscription";
import { sendDigests } from "@/lib/server/alerts/send-digests";
import { filterFromQuery } from "@/lib/shared/alerts/subscription-filter";
import { startMailSink, type MailSink, type SunkMail } from "@/scripts/mail-sink";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";

const BASE = "http://portal.test";
let ctx: Awaited<ReturnType<typeof setUp>>;
let sink: MailSink;
let child: ChildProcess | undefined;
let killed: Promise<void> | undefined;

beforeAll(async () => {
  ctx = await setUp();
  sink = await startMailSink({
    // The first digest: kill the sender before it hears that the mail was accepted.
    async beforeAccept(mail) {
      if (!child || killed || !mail.subject.includes("new or changed")) return;
      killed = new Promise((resolve) => child!.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await killed;
    },
  });
}, 120_000);
afterAll(async () => {
  await sink?.close();
  await ctx?.tearDown();
});

const digestsTo = (to: string) => sink.messages.filter((m) => m.to.includes(to) && m.subject.includes("new or changed"));

function runAlertsSend(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/alerts-send.ts"], {
      env: { ...process.env, DATABASE_URL: ctx.database.url, SMTP_URL: sink.url, PUBLIC_URL: BASE },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve(signal));
  });
}

describe("a digest round killed mid-send", () => {
  it("sends the digest again, once, with the same Message-ID, and loses no other", async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: "Gongshi <alerts@portal.test>", baseUrl: BASE });
    for (const email of ["first@example.org", "second@example.org"]) {
      await subscribe(ctx.prisma, mailer, { email, locale: "en", filter: filterFromQuery(new URLSearchParams("agency=hp-planning")) });
      const confirmation = sink.messages.find((m) => m.to.includes(email))!;
      const token = /\/alerts\/confirm\/(gsa_[A-Za-z0-9_-]{43})/.exec(confirmation.text)![1];
      expect(await confirmSubscription(ctx.prisma, token)).toBe("confirmed");
    }
    await publishSample(ctx.prisma, "CRASH-1");
    await commitPending(ctx.prisma, testLogConfig());

    expect(await runAlertsSend()).toBe("SIGKILL");
    const [sentBeforeCrash] = sink.messages.filter((m) => m.subject.includes("new or changed")) as [SunkMail];
    expect(sentBeforeCrash).toBeDefined();
    const victim = sentBeforeCrash.to[0]!;

    // The killed process's transaction ends when PostgreSQL sees its connection close.
    await expect
      .poll(
        async () =>
          (await ctx.database.client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)).rows[0].n,
      )
      .toBe(0);
    expect((await sendDigests(ctx.prisma, mailer)).sent).toBe(2);
    expect(await sendDigests(ctx.prisma, mailer)).toMatchObject({ sent: 0 });

    const repeated = digestsTo(victim);
    expect(repeated).toHaveLength(2);
    expect(repeated[1]!.messageId).toBe(repeated[0]!.messageId);
    expect(repeated[1]!.text.split("\n")[2]).toBe(repeated[0]!.text.split("\n")[2]);
    const other = victim === "first@example.org" ? "second@example.org" : "first@example.org";
    expect(digestsTo(other)).toHaveLength(1);
  });
});
