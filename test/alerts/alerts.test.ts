/**
 * Email alerts end to end below the pages: a real PostgreSQL (as the application role), a real
 * SMTP server (the mail sink of development) receiving what real nodemailer sends, notices
 * published and logged as the portal does (recordNoticeVersion, commitPending).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { createMailer, type AlertMailer } from "@/lib/server/alerts/mailer";
import { subscribe, InvalidEmailError } from "@/lib/server/alerts/subscribe";
import { confirmSubscription } from "@/lib/server/alerts/confirm-subscription";
import { unsubscribe } from "@/lib/server/alerts/unsubscribe";
import { sendDigests } from "@/lib/server/alerts/send-digests";
import { filterFromQuery } from "@/lib/shared/alerts/subscription-filter";
import { startMailSink, type MailSink, type SunkMail } from "@/scripts/mail-sink";
import { addAgencies } from "@/test/db/agencies";
import type { TestDatabase } from "../db/harness";
import { setUp, testLogConfig } from "../log-service/fixtures";

const BASE = "http://portal.test";
let prisma: PrismaClient;
let database: TestDatabase;
let tearDown: () => Promise<void>;
let sink: MailSink;
let mailer: AlertMailer;
const log = testLogConfig();

const filter = (query: string) => filterFromQuery(new URLSearchParams(query));
const mailsTo = (to: string) => sink.messages.filter((m) => m.to.includes(to));
const link = (mail: SunkMail, kind: "confirm" | "unsubscribe") => {
  const match = new RegExp(`${BASE}/(?:en|zh-CN)/alerts/${kind}/(gsa_[A-Za-z0-9_-]{43})`).exec(mail.text);
  expect(match, `${kind} link in ${mail.text}`).not.toBeNull();
  return match![1]!;
};

let serial = 0;
async function publish(agencyId: string, title: string, extra: Record<string, string> = {}): Promise<string> {
  const noticeId = `AL-${++serial}`;
  await recordNoticeVersion(prisma, {
    noticeId,
    agencyId,
    kind: "publish",
    fields: { title, body: "正文。", number: `海〔2026〕${serial}号`, category: "城乡规划", language: "zh-CN", effectiveDate: "2026-12-01", ...extra },
  });
  return noticeId;
}
const commit = () => commitPending(prisma, log);

beforeAll(async () => {
  ({ prisma, database, tearDown } = await setUp());
  await addAgencies(prisma, [{ id: "hp-land", nameZh: "海平市自然资源局", nameEn: "Haiping Natural Resources Bureau" }]);
  sink = await startMailSink();
  mailer = createMailer({ smtpUrl: sink.url, from: "Gongshi <alerts@portal.test>", baseUrl: BASE });
  // Logged before anyone subscribes: never in a digest.
  await publish("hp-planning", "订阅之前的公示");
  await commit();
}, 120_000);
afterAll(async () => {
  await sink?.close();
  await tearDown?.();
});

describe("an agency alert, from subscribing to unsubscribing", () => {
  const email = "reader@example.org";
  let confirmToken: string;
  let unsubscribeToken: string;

  it("sends the confirmation mail, and only that, to an address that subscribes", async () => {
    expect(await subscribe(prisma, mailer, { email: ` ${email} `, locale: "en", filter: filter("agency=hp-planning") })).toBe("sent");
    const [mail] = mailsTo(email);
    expect(mail!.subject).toBe("Confirm your Gongshi alert: agency: Haiping Planning Bureau");
    confirmToken = link(mail!, "confirm");
    unsubscribeToken = link(mail!, "unsubscribe");
    expect(mail!.headers.get("list-unsubscribe")).toBe(`<${BASE}/api/alerts/unsubscribe/${unsubscribeToken}>`);
    expect(mail!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // Only hashes are stored.
    const stored = await database.client.query("SELECT token_hash FROM alert_token");
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(confirmToken);
    expect(JSON.stringify(stored.rows)).not.toContain(confirmToken.slice(4));
  });

  it("sends an unconfirmed subscription no digest", async () => {
    await publish("hp-planning", "确认之前的公示");
    await commit();
    const round = await sendDigests(prisma, mailer);
    expect(round).toMatchObject({ sent: 0, checked: 0 });
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("refuses guessed, malformed and wrong-purpose tokens", async () => {
    expect(await confirmSubscription(prisma, "gsa_" + randomBytes(32).toString("base64url"))).toBe("invalid");
    expect(await confirmSubscription(prisma, confirmToken.slice(0, -1))).toBe("invalid");
    expect(await confirmSubscription(prisma, "' OR 1=1 --")).toBe("invalid");
    expect(await confirmSubscription(prisma, unsubscribeToken)).toBe("invalid");
    expect(await unsubscribe(prisma, confirmToken)).toBe("invalid");
    expect(await unsubscribe(prisma, "gsa_" + randomBytes(32).toString("base64url"))).toBe("invalid");
    expect((await database.client.query("SELECT confirmed_at FROM alert_subscription")).rows).toEqual([{ confirmed_at: null }]);
  });

  it("confirms by the mailed token, once", async () => {
    expect(await confirmSubscription(prisma, confirmToken)).toBe("confirmed");
    expect(await confirmSubscription(prisma, confirmToken)).toBe("already-confirmed");
    // A repeated request for a confirmed alert mails nothing.
    expect(await subscribe(prisma, mailer, { email: "READER@example.org", locale: "en", filter: filter("agency=hp-planning") })).toBe("subscribed");
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("mails a digest of the matching notices logged since, in the subscriber's language, and not the others", async () => {
    const matching = await publish("hp-planning", "关于海港路规划的公示");
    const other = await publish("hp-land", "关于土地征收的公告");
    await commit();
    const round = await sendDigests(prisma, mailer);
    expect(round).toMatchObject({ sent: 1, failed: 0 });
    const digest = mailsTo(email)[1]!;
    expect(digest.subject).toBe("1 new or changed notice: agency: Haiping Planning Bureau");
    expect(digest.text).toContain("[New] 关于海港路规划的公示");
    expect(digest.text).toContain(`Haiping Planning Bureau · ${BASE}/en/n/${matching}`);
    expect(digest.text).not.toContain(other);
    expect(digest.text).not.toContain("土地征收");
    expect(digest.text).not.toContain("订阅之前");
    expect(digest.text).not.toContain("确认之前");
    expect(digest.text).toContain(`${BASE}/en/notices?agency=hp-planning`);
    expect(digest.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // A fresh unsubscribe token in each mail; the confirmation mail's still works too.
    expect(link(digest, "unsubscribe")).not.toBe(unsubscribeToken);
    expect(digest.messageId).toMatch(/^<alert-[0-9a-f-]+-\d+-\d+@portal\.test>$/);

    // Nothing new: nothing sent.
    expect(await sendDigests(prisma, mailer)).toMatchObject({ sent: 0 });
    expect(mailsTo(email)).toHaveLength(2);

    await recordNoticeVersion(prisma, {
      noticeId: matching,
      agencyId: "hp-planning",
      kind: "amend",
      fields: { title: "关于海港路规划的公示（修订）", body: "新正文。", number: "海〔2026〕9号", category: "城乡规划", language: "zh-CN", effectiveDate: "2026-12-01" },
    });
    await commit();
    await sendDigests(prisma, mailer);
    expect(mailsTo(email)[2]!.text).toContain("[Amended] 关于海港路规划的公示（修订）");
  });

  it("keeps the place in the log when the SMTP server refuses, and sends the digest later", async () => {
    const closed = await startMailSink();
    const down = createMailer({ smtpUrl: closed.url, from: "Gongshi <alerts@portal.test>", baseUrl: BASE });
    await closed.close();
    const title = await publish("hp-planning", "邮件服务器停机期间的公示");
    await commit();
    const before = (await database.client.query("SELECT next_index FROM alert_subscription")).rows[0].next_index;
    expect(await sendDigests(prisma, down)).toMatchObject({ sent: 0, failed: 1 });
    expect((await database.client.query("SELECT next_index FROM alert_subscription")).rows[0].next_index).toBe(before);
    expect(await sendDigests(prisma, mailer)).toMatchObject({ sent: 1 });
    expect(mailsTo(email).at(-1)!.text).toContain(`/en/n/${title}`);
  });

  it("unsubscribes by the mailed token: the row and its address are deleted, and no more mail comes", async () => {
    const digestToken = link(mailsTo(email).at(-1)!, "unsubscribe");
    expect(await unsubscribe(prisma, digestToken)).toBe("unsubscribed");
    expect(await unsubscribe(prisma, digestToken)).toBe("invalid");
    expect((await database.client.query("SELECT count(*)::int AS n FROM alert_subscription WHERE lower(email) = $1", [email])).rows[0].n).toBe(0);
    expect((await database.client.query("SELECT count(*)::int AS n FROM alert_token")).rows[0].n).toBe(0);
    const count = mailsTo(email).length;
    await publish("hp-planning", "退订之后的公示");
    await commit();
    await sendDigests(prisma, mailer);
    expect(mailsTo(email)).toHaveLength(count);
  });
});

describe("subscribing", () => {
  it("refuses what is not an email address, storing and sending nothing", async () => {
    const sent = sink.messages.length;
    for (const email of ["", "not-an-address", "a@b", "two@@example.org", "x@example.org\r\nBcc: victim@example.org", `${"a".repeat(250)}@example.org`, 42]) {
      await expect(subscribe(prisma, mailer, { email, locale: "zh-CN", filter: filter("agency=hp-land") })).rejects.toBeInstanceOf(InvalidEmailError);
    }
    expect(sink.messages.length).toBe(sent);
    expect((await database.client.query("SELECT count(*)::int AS n FROM alert_subscription")).rows[0].n).toBe(0);
  });

  it("sends an address one confirmation per hour however often it is subscribed, and expires unconfirmed requests", async () => {
    const email = "target@example.org";
    const t0 = new Date();
    expect(await subscribe(prisma, mailer, { email, locale: "zh-CN", filter: filter("agency=hp-land") }, t0)).toBe("sent");
    for (const query of ["agency=hp-land", "category=城乡规划", "q=土地"]) {
      expect(await subscribe(prisma, mailer, { email, locale: "zh-CN", filter: filter(query) }, new Date(t0.getTime() + 10 * 60_000))).toBe("throttled");
    }
    expect(mailsTo(email)).toHaveLength(1);
    expect(mailsTo(email)[0]!.subject).toBe("请确认您的公示提醒：机关：海平市自然资源局");
    // An hour later the same request mails again (a new link; the old one is void).
    const first = link(mailsTo(email)[0]!, "confirm");
    expect(await subscribe(prisma, mailer, { email, locale: "zh-CN", filter: filter("agency=hp-land") }, new Date(t0.getTime() + 61 * 60_000))).toBe("sent");
    expect(mailsTo(email)).toHaveLength(2);
    expect(await confirmSubscription(prisma, first)).toBe("invalid");
    // Two days unconfirmed: deleted with its address; the link no longer confirms.
    const second = link(mailsTo(email)[1]!, "confirm");
    const round = await sendDigests(prisma, mailer, new Date(t0.getTime() + 61 * 60_000 + 49 * 3_600_000));
    expect(round.expired).toBe(1);
    expect(await confirmSubscription(prisma, second)).toBe("invalid");
    expect((await database.client.query("SELECT count(*)::int AS n FROM alert_subscription WHERE email = $1", [email])).rows[0].n).toBe(0);
  });

  it("gives a request repeated after the first one expired a link that works", async () => {
    const email = "late@example.org";
    const t0 = new Date(Date.now() - 50 * 3_600_000);
    expect(await subscribe(prisma, mailer, { email, locale: "en", filter: filter("agency=hp-land") }, t0)).toBe("sent");
    expect(await subscribe(prisma, mailer, { email, locale: "en", filter: filter("agency=hp-land") })).toBe("sent");
    expect(await confirmSubscription(prisma, link(mailsTo(email)[0]!, "confirm"))).toBe("invalid");
    expect(await confirmSubscription(prisma, link(mailsTo(email)[1]!, "confirm"))).toBe("confirmed");
    await database.client.query("DELETE FROM alert_subscription WHERE email = $1", [email]);
  });

  it("caps the subscriptions of one address", async () => {
    const email = "many@example.org";
    let t = Date.now();
    for (let i = 0; i < 20; i++) {
      t += 61 * 60_000;
      expect(await subscribe(prisma, mailer, { email, locale: "en", filter: filter(`q=word${i}`) }, new Date(t))).toBe("sent");
    }
    expect(await subscribe(prisma, mailer, { email, locale: "en", filter: filter("q=word20") }, new Date(t + 61 * 60_000))).toBe("full");
    expect(mailsTo(email)).toHaveLength(20);
  });
});

describe("a search alert in Chinese", () => {
  it("lists what the search's words find, in Chinese, with links to the Chinese pages", async () => {
    const email = "zh@example.org";
    await subscribe(prisma, mailer, { email, locale: "zh-CN", filter: filter("q=征收&category=土地管理") });
    expect(await confirmSubscription(prisma, link(mailsTo(email)[0]!, "confirm"))).toBe("confirmed");
    const hit = await publish("hp-land", "关于集体土地征收补偿的公告", { category: "土地管理" });
    const wrongCategory = await publish("hp-land", "征收决定书送达公告", { category: "城乡规划" });
    const noWord = await publish("hp-land", "关于土地出让的公告", { category: "土地管理" });
    await commit();
    await sendDigests(prisma, mailer);
    const digest = mailsTo(email)[1]!;
    expect(digest.subject).toBe("1条新发布或变更的公示：搜索“征收” · 类别：土地管理");
    expect(digest.text).toContain("[新发布] 关于集体土地征收补偿的公告");
    expect(digest.text).toContain(`海平市自然资源局 · ${BASE}/zh-CN/n/${hit}`);
    expect(digest.text).not.toContain(wrongCategory);
    expect(digest.text).not.toContain(noWord);
    expect(digest.text).toContain("一键退订");
  });
});

describe("a category alert", () => {
  it("finds every spelling the vocabulary maps to the category, and names it in the subscriber's language", async () => {
    const email = "category@example.org";
    await subscribe(prisma, mailer, { email, locale: "en", filter: filter("category=planning") });
    expect(await confirmSubscription(prisma, link(mailsTo(email)[0]!, "confirm"))).toBe("confirmed");
    const oldSpelling = await publish("hp-planning", "旧写法类别的公示", { category: "规划公示" });
    const bySlug = await publish("hp-planning", "按代码记类别的公示", { category: "planning" });
    const otherCategory = await publish("hp-land", "另一类别的公示", { category: "土地管理" });
    await commit();
    await sendDigests(prisma, mailer);
    const digest = mailsTo(email)[1]!;
    expect(digest.subject).toContain("Urban and rural planning");
    expect(digest.text).toContain(`${BASE}/en/n/${oldSpelling}`);
    expect(digest.text).toContain(`${BASE}/en/n/${bySlug}`);
    expect(digest.text).not.toContain(otherCategory);
  });
});

describe("the application role on the alert tables", () => {
  it("may record confirmations and digests and delete rows, but not rewrite an address, a filter or a token", async () => {
    const { default: pg } = await import("pg");
    const app = new pg.Client({ connectionString: database.url });
    await app.connect();
    try {
      await subscribe(prisma, mailer, { email: "role@example.org", locale: "en", filter: filter("agency=hp-land") });
      await expect(app.query("UPDATE alert_subscription SET email = 'other@example.org'")).rejects.toThrow(/permission denied/);
      await expect(app.query("UPDATE alert_subscription SET filter = '{}'")).rejects.toThrow(/permission denied/);
      await expect(app.query("UPDATE alert_token SET purpose = 'confirm'")).rejects.toThrow(/permission denied/);
      await expect(app.query("TRUNCATE alert_subscription CASCADE")).rejects.toThrow(/permission denied/);
      expect((await app.query("UPDATE alert_subscription SET last_digest_at = now() WHERE email = 'role@example.org'")).rowCount).toBe(1);
      expect((await app.query("DELETE FROM alert_subscription WHERE email = 'role@example.org'")).rowCount).toBe(1);
    } finally {
      await app.end();
    }
  });
});
