/**
 * Part of `npm run bench:portal`: 100,000 notices in a throwaway database, made from the demo
 * notices (their real Chinese and English titles and bodies, re-numbered, re-dated and mixed
 * with each other's paragraphs), so search terms have realistic frequencies: common words
 * such as 公开 or "notice" hit tens of thousands of notices, rare ones a handful. About one in
 * ten is later amended or corrected and one in fifty retracted. Inserted straight into SQL
 * in chunks (the enqueue trigger queues every version), then committed to the log.
 */
import { randomBytes, randomInt } from "node:crypto";
import type pg from "pg";
import { DEMO_AGENCIES } from "@/lib/server/seed/demo-agencies";
import { DEMO_NOTICES, type DemoContentFields } from "@/lib/server/seed/demo-notices";

const DAY = 86_400_000;
const CONTENT = DEMO_NOTICES.flatMap((n) => n.versions.filter((v) => v.kind !== "retract").map((v) => ({ agency: n.agency, fields: v.fields as DemoContentFields })));
const ZH = CONTENT.filter((c) => c.fields.language === "zh-CN");
const EN = CONTENT.filter((c) => c.fields.language === "en");
const PARAGRAPHS = {
  "zh-CN": ZH.flatMap((c) => c.fields.body.split(/\n\n+/)),
  en: EN.flatMap((c) => c.fields.body.split(/\n\n+/)),
};

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)]!;
}

/** Fields of synthetic notice n: a demo notice's title and number re-numbered, its body extended. */
export function benchFields(n: number): { agency: string; fields: Record<string, string> } {
  const base = n % 7 === 0 ? pick(EN) : pick(ZH);
  const language = base.fields.language as "zh-CN" | "en";
  const paragraphs = [base.fields.body, pick(PARAGRAPHS[language]), pick(PARAGRAPHS[language])];
  const date = new Date(Date.UTC(2025, 0, 1) + randomInt(700) * DAY).toISOString().slice(0, 10);
  return {
    agency: base.agency,
    fields: {
      title: `${base.fields.title}${language === "en" ? ` (No. ${n})` : `（第${n}号）`}`,
      number: base.fields.number.replace(/\d+(号|$)/, `${n}$1`),
      category: base.fields.category,
      language,
      effectiveDate: date,
      body: paragraphs.join("\n\n"),
    },
  };
}

export const benchNoticeId = (n: number) => `BENCH-${n}`;

function salts(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(fields).map((name) => [name, randomBytes(32).toString("base64")]));
}

interface Row {
  id: string;
  agency: string;
  version: number;
  kind: string;
  fields: Record<string, string>;
  createdAt: Date;
}

/** Inserts `count` notices (and their later versions) as pending versions, numbered from `first` (more notices for a database that has some). */
export async function insertBenchNotices(client: pg.Client, count: number, first = 0, chunk = 5_000): Promise<void> {
  for (const a of DEMO_AGENCIES) {
    // With its audit event: the database refuses an agency without one (docs/database-roles.md).
    await client.query(
      `WITH added AS (INSERT INTO agency (id, name_zh, name_en) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id)
       INSERT INTO audit_event (action, subject) SELECT 'agency.create', id FROM added`,
      [a.id, a.nameZh, a.nameEn],
    );
  }
  const start = Date.now() - 730 * DAY;
  const end = first + count;
  for (let at = first; at < end; at += chunk) {
    const rows: Row[] = [];
    for (let n = at; n < Math.min(end, at + chunk); n++) {
      const { agency, fields } = benchFields(n);
      // Notices in publication order over two years, so "newest" sorts are meaningful.
      const createdAt = new Date(start + Math.floor((n / end) * 700 * DAY));
      rows.push({ id: benchNoticeId(n), agency, version: 1, kind: "publish", fields, createdAt });
      const roll = randomInt(100);
      if (roll < 10) {
        const later = { ...fields, body: `${fields.body}\n\n${pick(PARAGRAPHS[fields.language as "zh-CN" | "en"])}` };
        rows.push({ id: benchNoticeId(n), agency, version: 2, kind: roll < 6 ? "amend" : "correct", fields: later, createdAt: new Date(createdAt.getTime() + 7 * DAY) });
      } else if (roll < 12) {
        const reason = fields.language === "en" ? "Withdrawn pending review." : "因情况变化，本公告撤回。";
        rows.push({ id: benchNoticeId(n), agency, version: 2, kind: "retract", fields: { title: fields.title!, reason }, createdAt: new Date(createdAt.getTime() + 3 * DAY) });
      }
    }
    await client.query("BEGIN");
    try {
      const firsts = rows.filter((r) => r.version === 1);
      await client.query(`INSERT INTO notice (id, agency_id, created_at) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])`, [
        firsts.map((r) => r.id),
        firsts.map((r) => r.agency),
        firsts.map((r) => r.createdAt),
      ]);
      await client.query(
        `INSERT INTO notice_version (notice_id, version, kind, fields, salts, created_at)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.version),
          rows.map((r) => r.kind),
          rows.map((r) => JSON.stringify(r.fields)),
          rows.map((r) => JSON.stringify(salts(r.fields))),
          rows.map((r) => r.createdAt),
        ],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }
}
