/**
 * The tokenizer, checked where it matters: PostgreSQL's own `tsvector @@ tsquery` decides
 * whether a query built by parseQuery matches a document built by buildDocument. The cases
 * are ones a naive tokenizer gets wrong (whitespace splitting, or segmenter words alone).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { buildDocument, lexemes, normalizeText, parseQuery, type WeightedText } from "@/lib/server/search/tokenize";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
});
afterAll(() => client.end());

async function matches(document: string | WeightedText[], query: string): Promise<boolean> {
  const parts = typeof document === "string" ? [{ text: document, weight: "C" as const }] : document;
  const { tsquery } = parseQuery(query);
  if (tsquery === null) return false;
  const { rows } = await client.query<{ hit: boolean }>("SELECT $1::tsvector @@ $2::tsquery AS hit", [buildDocument(parts), tsquery]);
  return rows[0]!.hit;
}

describe("Chinese", () => {
  it("finds a two-character word inside a longer segmenter word", async () => {
    // Intl.Segmenter may return 信息公开 or 土地征收 as one word; 公开 and 征收 must still match.
    expect(await matches("海平市政府信息公开工作年度报告", "公开")).toBe(true);
    expect(await matches("关于土地征收补偿标准的公告", "征收")).toBe(true);
    expect(await matches("关于土地征收补偿标准的公告", "土地")).toBe(true);
    expect(await matches("关于土地征收补偿标准的公告", "地征")).toBe(true);
  });

  it("finds a phrase only when its characters are adjacent and in order", async () => {
    expect(await matches("政府信息公开条例", "信息公开")).toBe(true);
    expect(await matches("公开的信息", "信息公开")).toBe(false);
    expect(await matches("信用信息和公开目录", "信息公开")).toBe(false);
    // All three characters present, never adjacent.
    expect(await matches("土壤和地质以及征收", "土地征")).toBe(false);
    expect(await matches("土地征收", "土地征")).toBe(true);
  });

  it("does not match across a field boundary", async () => {
    expect(
      await matches(
        [
          { text: "标题信息", weight: "A" },
          { text: "公开正文", weight: "C" },
        ],
        "信息公开",
      ),
    ).toBe(false);
  });

  it("finds a single character as a bigram start or a run's last character", async () => {
    expect(await matches("税收征管", "税")).toBe(true);
    expect(await matches("个人所得税", "税")).toBe(true);
    expect(await matches("个人所得", "税")).toBe(false);
  });

  it("ignores whitespace and punctuation between characters of a query word", async () => {
    expect(await matches("城乡规划", "城乡 规划")).toBe(true);
    expect(await matches("城乡规划", "规划 城乡")).toBe(true);
  });

  it("folds full-width letters and digits (NFKC)", async () => {
    expect(await matches("ＰＭ２.５浓度", "pm2")).toBe(true);
    expect(normalizeText("ＡＢＣ１２３")).toBe("abc123");
  });
});

describe("English", () => {
  it("matches plural and inflected forms through the stem", async () => {
    expect(await matches("Notice of public hearing", "notices")).toBe(true);
    expect(await matches("The planned works", "planning")).toBe(true);
    expect(await matches("Hearings on water prices", "hearing price")).toBe(true);
  });

  it("treats the last word as a prefix (stem or raw)", async () => {
    expect(await matches("Environmental impact assessment", "environm")).toBe(true);
    expect(await matches("Environmental impact assessment", "impact assess")).toBe(true);
    // Only the last word is a prefix: "env" in the middle must be a whole word.
    expect(await matches("Environmental impact assessment", "env impact")).toBe(false);
  });

  it("ANDs the words", async () => {
    expect(await matches("budget of the city", "budget hearing")).toBe(false);
  });

  it("drops stop words from documents and queries", async () => {
    expect(lexemes("the budget of the city")).toEqual(["budget", "citi", "city"]);
    expect(parseQuery("the of and").tsquery).toBeNull();
  });
});

describe("mixed and numbers", () => {
  it("matches Chinese and English terms together", async () => {
    const doc = "海平港 Haiping Port 环境影响评价 EIA report 2026";
    expect(await matches(doc, "港 port 评价")).toBe(true);
    expect(await matches(doc, "环境评价 port")).toBe(false);
  });

  it("keeps digits so years and document numbers are searchable", async () => {
    expect(lexemes("海规资〔2026〕17号")).toEqual(["海规", "规资", "资", "2026", "17", "号"]);
    expect(await matches("海规资〔2026〕17号", "2026 17号")).toBe(true);
    expect(await matches("海规资〔2026〕17号", "2025")).toBe(false);
  });
});

describe("hostile queries", () => {
  const hostile = ["'):* | !", "&|!():*<->", "\\'\\\\''", "a'b", "\uD800abc\uDC00", "税\uDFFF收", "x".repeat(10_000), "信".repeat(5_000), "(((((", "", "   ", "\u0000"];
  it.each(hostile.map((q) => [q.slice(0, 20), q]))("never makes the cast fail: %j", async (_label, q) => {
    const { tsquery } = parseQuery(q);
    if (tsquery !== null) await expect(client.query("SELECT $1::tsquery", [tsquery])).resolves.toBeDefined();
    await expect(client.query("SELECT $1::tsvector", [buildDocument([{ text: q, weight: "A" }])])).resolves.toBeDefined();
  });

  it("caps the number of query terms", () => {
    const { terms } = parseQuery(Array.from({ length: 100 }, (_, i) => `word${i}`).join(" "));
    expect(terms).toHaveLength(32);
  });
});
