/** The demo agencies and notices: shapes the seed script relies on, counts, and clean content. */
import { describe, expect, it } from "vitest";
import { DEMO_AGENCIES } from "../../lib/server/seed/demo-agencies";
import { DEMO_NOTICES, DEMO_REFERENCE_DATE, type DemoNotice, type DemoNoticeVersion } from "../../lib/server/seed/demo-notices";
import { revisionReasonSchema } from "../../lib/shared/publishing/notice-fields";
import { withoutReason } from "../../lib/shared/notices/reason-fields";

const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const NOTICE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,31}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CJK = /[\u4E00-\u9FFF]/;
const CONTENT_FIELDS = ["body", "category", "effectiveDate", "language", "number", "title"];
const REASON_FIELDS = ["reason", "reasonDetail"];
const RETRACT_FIELDS = ["reason", "title"];

const later = (n: DemoNotice) => n.versions.slice(1);
const hasKind = (n: DemoNotice, kind: DemoNoticeVersion["kind"]) => n.versions.some((v) => v.kind === kind);
const sortedKeys = (o: object) => Object.keys(o).sort();

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Every string the seed will store: field values, attachment names and contents. */
function allStrings(n: DemoNotice): string[] {
  const out = [n.id, n.agency, n.language, n.category];
  for (const v of n.versions) {
    out.push(...Object.values(v.fields));
    for (const a of v.attachments ?? []) out.push(a.name, a.mediaType, a.text);
  }
  return out;
}

describe("DEMO_AGENCIES", () => {
  it("has at least 6 agencies with valid, unique ids and all texts", () => {
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(6);
    const ids = DEMO_AGENCIES.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of DEMO_AGENCIES) {
      expect(a.id).toMatch(AGENCY_ID);
      for (const text of [a.nameZh, a.nameEn, a.descriptionZh, a.descriptionEn]) {
        expect(typeof text).toBe("string");
        expect(text.trim().length).toBeGreaterThan(0);
        expect(LONE_SURROGATE.test(text)).toBe(false);
      }
      expect(a.nameZh).toMatch(CJK);
      expect(a.nameEn).not.toMatch(CJK);
    }
    expect(new Set(DEMO_AGENCIES.map((a) => a.nameZh)).size).toBe(DEMO_AGENCIES.length);
    expect(new Set(DEMO_AGENCIES.map((a) => a.nameEn)).size).toBe(DEMO_AGENCIES.length);
  });
});

describe("DEMO_NOTICES", () => {
  const agencyIds = new Set(DEMO_AGENCIES.map((a) => a.id));

  it("has valid, unique ids and known agencies", () => {
    const ids = DEMO_NOTICES.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of DEMO_NOTICES) {
      expect(n.id).toMatch(NOTICE_ID);
      expect(agencyIds.has(n.agency), `${n.id}: agency ${n.agency}`).toBe(true);
      expect(["zh-CN", "en"]).toContain(n.language);
      expect(Number.isInteger(n.daysAgo) && n.daysAgo >= 1 && n.daysAgo <= 400, `${n.id}: daysAgo`).toBe(true);
    }
  });

  it("gives every agency some notices", () => {
    for (const id of agencyIds) expect(DEMO_NOTICES.filter((n) => n.agency === id).length).toBeGreaterThanOrEqual(5);
  });

  it("meets the counts", () => {
    expect(DEMO_NOTICES.length).toBeGreaterThanOrEqual(55);
    expect(DEMO_NOTICES.filter((n) => hasKind(n, "amend")).length).toBeGreaterThanOrEqual(8);
    expect(DEMO_NOTICES.filter((n) => hasKind(n, "correct")).length).toBeGreaterThanOrEqual(4);
    expect(DEMO_NOTICES.filter((n) => hasKind(n, "retract")).length).toBeGreaterThanOrEqual(3);
    expect(DEMO_NOTICES.filter((n) => n.language === "en").length).toBeGreaterThanOrEqual(15);
    expect(DEMO_NOTICES.filter((n) => n.language === "zh-CN").length).toBeGreaterThanOrEqual(35);
    expect(DEMO_NOTICES.filter((n) => n.versions.length >= 3).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_NOTICES.filter((n) => n.versions.some((v) => v.attachments?.length)).length).toBeGreaterThanOrEqual(4);
  });

  it("starts with one publish; later versions amend, correct or retract, nothing after a retract", () => {
    for (const n of DEMO_NOTICES) {
      expect(n.versions.length, n.id).toBeGreaterThanOrEqual(1);
      expect(n.versions[0]?.kind, n.id).toBe("publish");
      for (const v of later(n)) expect(["amend", "correct", "retract"], n.id).toContain(v.kind);
      const retract = n.versions.findIndex((v) => v.kind === "retract");
      if (retract >= 0) expect(retract, `${n.id}: retract is last`).toBe(n.versions.length - 1);
    }
  });

  it("dates later versions strictly increasing and in the past", () => {
    for (const n of DEMO_NOTICES) {
      expect(n.versions[0]?.daysAfterFirst, n.id).toBeUndefined();
      let previous = 0;
      for (const v of later(n)) {
        const d = v.daysAfterFirst;
        expect(Number.isInteger(d), `${n.id}: daysAfterFirst`).toBe(true);
        expect(d, `${n.id}: increasing`).toBeGreaterThan(previous);
        expect(d, `${n.id}: before seeding`).toBeLessThan(n.daysAgo);
        previous = d ?? 0;
      }
    }
  });

  it("gives publish, amend and correct versions the full field set, consistent with the notice", () => {
    for (const n of DEMO_NOTICES) {
      for (const v of n.versions) {
        if (v.kind === "retract") continue;
        expect(sortedKeys(withoutReason(v.fields)), n.id).toEqual(CONTENT_FIELDS);
        expect(v.fields.language, n.id).toBe(n.language);
        expect(v.fields.category, n.id).toBe(n.category);
        expect(isRealDate(v.fields.effectiveDate), `${n.id}: effectiveDate`).toBe(true);
        for (const name of CONTENT_FIELDS) {
          const value = (v.fields as Record<string, string>)[name] ?? "";
          expect(value.trim().length, `${n.id}: ${name}`).toBeGreaterThan(0);
          expect(value, `${n.id}: ${name} untrimmed`).toBe(value.trim());
        }
      }
    }
  });

  it("gives every amend and correct a reason a clerk could have typed, and bodies without amendment notes", () => {
    let revisions = 0;
    for (const n of DEMO_NOTICES) {
      for (const v of n.versions) {
        const reasons = Object.keys(v.fields).filter((name) => REASON_FIELDS.includes(name));
        if (v.kind === "publish") expect(reasons, n.id).toEqual([]);
        if (v.kind !== "amend" && v.kind !== "correct") continue;
        revisions++;
        const { reason, reasonDetail } = v.fields;
        expect(revisionReasonSchema.parse({ reason, reasonDetail }), n.id).toEqual({ reason, reasonDetail });
        // The note that used to open an amended body ("> **修订说明（…）**：…") is the reason now.
        expect(v.fields.body, n.id).not.toMatch(/^> \*\*/);
      }
    }
    expect(revisions).toBeGreaterThanOrEqual(15);
  });

  it("gives retract versions exactly title and reason (and a detail where needed), and no attachments", () => {
    for (const n of DEMO_NOTICES) {
      for (const v of n.versions) {
        if (v.kind !== "retract") continue;
        expect(
          sortedKeys(v.fields).filter((name) => name !== "reasonDetail"),
          n.id,
        ).toEqual(RETRACT_FIELDS);
        expect(v.fields.reason.length, n.id).toBeGreaterThan(20);
        expect(v.attachments ?? [], n.id).toEqual([]);
        const before = n.versions[n.versions.indexOf(v) - 1];
        expect(v.fields.title, `${n.id}: retract keeps the title`).toBe(before?.fields.title);
      }
    }
  });

  it("changes something in every amend and correct", () => {
    for (const n of DEMO_NOTICES) {
      n.versions.forEach((v, i) => {
        if (v.kind !== "amend" && v.kind !== "correct") return;
        const before = n.versions[i - 1];
        const same =
          JSON.stringify(withoutReason(v.fields)) === JSON.stringify(withoutReason(before?.fields ?? {})) &&
          JSON.stringify(v.attachments ?? []) === JSON.stringify(before?.attachments ?? []);
        expect(same, `${n.id} v${i + 1}`).toBe(false);
      });
    }
  });

  it("uses valid field names and well-formed strings only", () => {
    for (const n of DEMO_NOTICES) {
      for (const v of n.versions) {
        for (const [name, value] of Object.entries(v.fields)) {
          expect(name, n.id).toMatch(FIELD_NAME);
          expect(typeof value, `${n.id}: ${name}`).toBe("string");
        }
        expect(Object.keys(v.fields).length).toBeLessThanOrEqual(64);
      }
      for (const s of allStrings(n)) {
        expect(typeof s, n.id).toBe("string");
        expect(LONE_SURROGATE.test(s), `${n.id}: lone surrogate`).toBe(false);
      }
    }
  });

  it("has distinct titles across notices, in the notice's language", () => {
    const owner = new Map<string, string>();
    for (const n of DEMO_NOTICES) {
      for (const title of new Set(n.versions.map((v) => v.fields.title))) {
        expect(owner.get(title) ?? n.id, `title "${title}" used by two notices`).toBe(n.id);
        owner.set(title, n.id);
        if (n.language === "en") expect(title, n.id).not.toMatch(CJK);
        else expect(title, n.id).toMatch(CJK);
      }
    }
  });

  it("writes bodies of 3 to 12 paragraphs with no raw HTML or script links", () => {
    for (const n of DEMO_NOTICES) {
      for (const v of n.versions) {
        if (v.kind === "retract") continue;
        const blocks = v.fields.body.split(/\n\s*\n/).filter((b) => b.trim() && !/^#{1,6} /.test(b.trim()));
        expect(blocks.length, `${n.id} ${v.kind}`).toBeGreaterThanOrEqual(3);
        expect(blocks.length, `${n.id} ${v.kind}`).toBeLessThanOrEqual(12);
        expect(v.fields.body, n.id).not.toMatch(/<\/?[a-z][^>]*>|javascript:|\]\(\s*(?!https?:)/i);
        expect(v.fields.body, n.id).not.toMatch(/\t|\r/);
      }
    }
  });

  it("uses only fictional contact details", () => {
    for (const n of DEMO_NOTICES) {
      const text = allStrings(n).join("\n");
      for (const m of text.matchAll(/(?<![\d.])\d{3,4}-\d{7,8}(?!\d)/g)) expect(m[0], n.id).toMatch(/^0000-\d{7}$/);
      for (const m of text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)) expect(m[1], n.id).toMatch(/\.example$/);
      for (const m of text.matchAll(/\b(?:https?:\/\/)?(www\.[\w-]+(?:\.[\w-]+)+)/g)) expect(m[1], n.id).toMatch(/\.example$/);
    }
  });

  it("contains the words citizens search for", () => {
    const zh = DEMO_NOTICES.flatMap((n) => n.versions.map((v) => Object.values(v.fields).join("\n"))).join("\n");
    for (const word of ["信息公开", "土地", "规划", "预算", "采购", "环境影响", "征求意见", "任免", "招标", "决算", "出让", "公示"]) {
      expect(zh, word).toContain(word);
    }
    const lower = zh.toLowerCase();
    for (const word of ["land use", "budget", "procurement", "consultation", "environmental impact", "tender", "regulation"]) {
      expect(lower, word).toContain(word);
    }
  });

  it("has small attachments whose media type matches the file name", () => {
    const extension = { "application/pdf": ".pdf", "text/csv": ".csv", "text/plain": ".txt" } as const;
    for (const n of DEMO_NOTICES) {
      for (const v of n.versions) {
        const names = (v.attachments ?? []).map((a) => a.name);
        expect(new Set(names).size, n.id).toBe(names.length);
        expect(names.length, n.id).toBeLessThanOrEqual(2);
        for (const a of v.attachments ?? []) {
          expect(a.name.endsWith(extension[a.mediaType]), `${n.id}: ${a.name}`).toBe(true);
          expect(a.name, n.id).not.toMatch(/[\\/\u0000-\u001f]/);
          expect(a.text.length, n.id).toBeGreaterThan(0);
          expect(new TextEncoder().encode(a.text).length, n.id).toBeLessThan(8192);
          if (a.mediaType === "text/csv") {
            const rows = a.text.trimEnd().split("\n");
            expect(rows.length, a.name).toBeGreaterThan(2);
          }
        }
      }
    }
  });

  it("makes PDF attachments real PDFs with correct cross-reference offsets", () => {
    const pdfs = DEMO_NOTICES.flatMap((n) => n.versions.flatMap((v) => v.attachments ?? [])).filter((a) => a.mediaType === "application/pdf");
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    for (const { name, text } of pdfs) {
      expect(text, name).toMatch(/^[\x20-\x7e\n]*$/); // ASCII, so character offsets are byte offsets
      expect(text.startsWith("%PDF-1."), name).toBe(true);
      expect(text.endsWith("%%EOF\n"), name).toBe(true);
      const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
      expect(text.slice(startxref, startxref + 5), name).toBe("xref\n");
      const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n \n/gm)].map((m) => Number(m[1]));
      expect(entries.length, name).toBeGreaterThan(0);
      entries.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj\n`), name).toBe(true));
      const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
      const stream = text.indexOf("stream\n") + "stream\n".length;
      expect(text.slice(stream + length, stream + length + "\nendstream".length), name).toBe("\nendstream");
    }
  });

  it("is sorted oldest first and written for the reference date", () => {
    expect(isRealDate(DEMO_REFERENCE_DATE)).toBe(true);
    for (let i = 1; i < DEMO_NOTICES.length; i++) {
      expect(DEMO_NOTICES[i - 1]!.daysAgo).toBeGreaterThanOrEqual(DEMO_NOTICES[i]!.daysAgo);
    }
  });
});

describe("demo redactions", () => {
  it("each withholds existing fields of an existing version, with a basis", async () => {
    const { DEMO_REDACTIONS } = await import("../../lib/server/seed/demo-redactions");
    expect(DEMO_REDACTIONS.length).toBeGreaterThan(0);
    for (const r of DEMO_REDACTIONS) {
      const notice = DEMO_NOTICES.find((n) => n.id === r.noticeId);
      expect(notice, r.noticeId).toBeDefined();
      const version = notice!.versions[r.version - 1];
      expect(version, `${r.noticeId} v${r.version}`).toBeDefined();
      for (const path of r.withhold) expect(Object.keys(version!.fields), `${r.noticeId}: ${path}`).toContain(path);
      expect(r.basis.trim().length).toBeGreaterThan(0);
    }
  });
});
