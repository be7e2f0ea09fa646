/**
 * Part of `npm run bench` (scripts/bench-log.ts): the throwaway database and the bulk
 * insertion of pending notice versions straight into SQL, as the crash-safety test does —
 * with realistic fields (a ~600-byte Chinese body) and a fresh random 32-byte salt per field.
 */
import path from "node:path";
import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";
import { migrate, readMigrations } from "@/lib/server/db/migrate";
import { envOf } from "@/lib/server/env-schema";
import { commitFields } from "@/lib/core/log";

export const AGENCY = "hp-planning";

const { BENCH_DATABASE_ADMIN_URL, TEST_DATABASE_ADMIN_URL } = envOf(["BENCH_DATABASE_ADMIN_URL", "TEST_DATABASE_ADMIN_URL"]);
const ADMIN_URL = BENCH_DATABASE_ADMIN_URL ?? TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  /** A connected client on the bench database, as the superuser. */
  client: pg.Client;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `gongshi_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await migrate(client, await readMigrations(path.resolve("prisma/migrations")));
  // With its audit event: the database refuses an agency without one (docs/database-roles.md).
  await client.query(
    `WITH e AS (INSERT INTO audit_event (action, subject) VALUES ('agency.create', $1))
     INSERT INTO agency (id, name_zh, name_en) VALUES ($1, '海平市规划局', 'Haiping Planning Bureau')`,
    [AGENCY],
  );
  let dropped = false;
  return {
    name,
    url: url.toString(),
    client,
    async drop() {
      if (dropped) return;
      dropped = true;
      await client.end().catch(() => {});
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Realistic notice content

const DISTRICTS = ["海平区", "东港区", "西湖新区", "南山镇", "北岸街道", "临江片区", "高新区", "滨海新城"];
const PROJECTS = [
  "控制性详细规划修改",
  "安置房建设项目规划设计方案",
  "道路拓宽工程用地",
  "中学扩建工程建设用地规划许可",
  "老旧小区改造方案",
  "污水处理厂提标改造环境影响评价",
  "公园绿地调整",
  "地铁站点周边用地规划",
];
const CATEGORIES = ["城乡规划", "土地征收", "建设项目", "环境影响评价", "城市更新", "交通设施"];
const SENTENCES = [
  "根据《中华人民共和国城乡规划法》及有关规定，现将有关情况予以公示，广泛征求社会公众意见。",
  "公示期间，利害关系人可通过书面形式向我局提出意见和建议，逾期视为无意见。",
  "本项目位于规划区东侧，北至滨江路，南至学府街，西至人民大道，东至规划支路。",
  "规划总用地面积约十二点六公顷，其中建设用地约九点八公顷，容积率不大于二点五。",
  "项目建成后将新增住宅约一千二百套，配套建设幼儿园、社区服务中心及公共停车场。",
  "方案已经专家论证及部门联合审查，符合国土空间总体规划的强制性内容。",
  "意见反馈请注明真实姓名、联系方式及通讯地址，匿名意见不予受理。",
  "公示材料同时在项目现场及区政务服务中心张贴，欢迎市民查阅。",
  "本次调整不涉及生态保护红线及永久基本农田，不改变地块的主导用途。",
  "道路红线宽度由二十四米调整为三十二米，两侧各设置非机动车道和人行道。",
  "涉及房屋征收的，将依法依规给予补偿安置，切实保障被征收人的合法权益。",
  "环境影响报告书的主要结论为：在落实各项污染防治措施后，项目建设从环境保护角度可行。",
  "联系电话：零五七一八八六六二二三三；联系地址：海平市人民路一百号规划局二楼。",
  "特此公示。",
];

function body(): string {
  let s = "";
  // ~200 CJK characters, 3 bytes each in UTF-8: about 600 bytes.
  while (s.length < 200) s += SENTENCES[randomInt(SENTENCES.length)];
  return s;
}

export const FIELD_NAMES = ["title", "body", "number", "category", "language", "effectiveDate"] as const;

function fieldsFor(n: number): Record<string, string> {
  const district = DISTRICTS[n % DISTRICTS.length]!;
  const project = PROJECTS[randomInt(PROJECTS.length)]!;
  const month = 1 + randomInt(12);
  const day = 1 + randomInt(28);
  return {
    title: `关于${district}${project}的公示`,
    body: body(),
    number: `海规〔2026〕${n}号`,
    category: CATEGORIES[randomInt(CATEGORIES.length)]!,
    language: "zh-CN",
    effectiveDate: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  };
}

export function noticeId(n: number): string {
  return `HP-2026-${n}`;
}

interface Row {
  id: string;
  version: number;
  kind: string;
  fields: Record<string, string>;
  salts: Record<string, string>;
  commitments: Record<string, string>;
}

/**
 * Inserts pending versions in chunks, one transaction each: `publish` new notices numbered
 * from `firstNumber`, then version 2 (`amend`) of each notice number in `amend` (whose
 * version 1 must exist). The enqueue trigger puts every one in log_queue. Returns seconds.
 */
export async function addPending(client: pg.Client, options: { firstNumber: number; publish: number; amend?: readonly number[] }, chunk = 20_000): Promise<number> {
  const started = performance.now();
  const specs: { n: number; version: number }[] = [];
  for (let i = 0; i < options.publish; i++) specs.push({ n: options.firstNumber + i, version: 1 });
  for (const n of options.amend ?? []) specs.push({ n, version: 2 });
  for (let at = 0; at < specs.length; at += chunk) {
    const part = specs.slice(at, at + chunk);
    const salts = randomBytes(part.length * FIELD_NAMES.length * 32);
    const rows: Row[] = part.map((s, i) => {
      const fields = fieldsFor(s.n);
      const saltBytes = Object.fromEntries(
        FIELD_NAMES.map((name, f) => {
          const o = (i * FIELD_NAMES.length + f) * 32;
          return [name, salts.subarray(o, o + 32)];
        }),
      );
      return {
        id: noticeId(s.n),
        version: s.version,
        kind: s.version === 1 ? "publish" : "amend",
        fields,
        salts: Object.fromEntries(Object.entries(saltBytes).map(([name, salt]) => [name, salt.toString("base64")])),
        // As recordNoticeVersion stores them (the database checks them against fields and salts).
        commitments: commitFields(fields, saltBytes),
      };
    });
    await client.query("BEGIN");
    try {
      await client.query(`INSERT INTO notice (id, agency_id) SELECT unnest($1::text[]), $2`, [rows.filter((r) => r.version === 1).map((r) => r.id), AGENCY]);
      await client.query(
        `INSERT INTO notice_version (notice_id, version, kind, fields, salts, commitments)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::jsonb[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.version),
          rows.map((r) => r.kind),
          rows.map((r) => JSON.stringify(r.fields)),
          rows.map((r) => JSON.stringify(r.salts)),
          rows.map((r) => JSON.stringify(r.commitments)),
        ],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }
  return (performance.now() - started) / 1000;
}

/** `count` distinct random numbers below `below`. */
export function distinctRandom(count: number, below: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, below)) chosen.add(randomInt(below));
  return [...chosen];
}
