/**
 * Demo notices of Haiping City (海平市, fictional): about 60 notices in Chinese and English,
 * some amended, corrected or retracted, from six agencies (demo-agencies.ts). Pure data for the
 * seed script: no I/O, and the only imports are the part files below (split by topic).
 *
 * Conventions the seed script can rely on (test/seed/demo-data.test.ts checks them):
 * - versions[0] is the only "publish"; later versions are "amend" | "correct" | "retract",
 *   nothing follows a "retract", and later versions have a strictly increasing
 *   daysAfterFirst with 1 <= daysAfterFirst < daysAgo (so every version lies in the past).
 * - publish / amend / correct versions carry the complete field set of that version:
 *   title, number, category, language, effectiveDate (YYYY-MM-DD), body (Markdown).
 *   fields.language === notice.language and fields.category === notice.category.
 * - amend / correct versions also state why: `reason` (one line) and, where more is needed,
 *   `reasonDetail`, as a clerk does (lib/shared/publishing/notice-fields.ts revisionReasonSchema). The
 *   bodies carry no amendment or correction note: the page's banner shows the reason.
 * - retract versions carry exactly { title, reason, reasonDetail? } and no attachments.
 * - attachments, where present, are the complete attachment list of that version: an amend or
 *   correct of a notice with attachments repeats them (possibly corrected). A version without
 *   `attachments` has none. Store `text` as UTF-8 bytes; the PDFs are real (ASCII-only) PDFs.
 * - Days count back from DEMO_REFERENCE_DATE: dates mentioned in the texts (an amendment on
 *   2026年2月25日 whose reason extends a period to 2026年3月18日) are meant as seen from
 *   "DEMO_REFERENCE_DATE minus (daysAgo - daysAfterFirst)", the day the seed publishes that
 *   version on (demo-timeline.ts), whatever day it runs.
 * - DEMO_NOTICES is sorted oldest first (largest daysAgo first). To append versions to the log
 *   in time order, sort all versions by (daysAgo - (daysAfterFirst ?? 0)) descending.
 */
import { BUDGET_NOTICES } from "./demo-notices-budget";
import { DRC_NOTICES } from "./demo-notices-drc";
import { ECOLOGY_NOTICES } from "./demo-notices-ecology";
import { EIA_NOTICES } from "./demo-notices-eia";
import { GOV_OFFICE_NOTICES } from "./demo-notices-gov";
import { HRSS_NOTICES } from "./demo-notices-hrss";
import { INVESTMENT_NOTICES } from "./demo-notices-investment";
import { LAND_NOTICES } from "./demo-notices-land";
import { PLANNING_NOTICES } from "./demo-notices-planning";
import { PROCUREMENT_NOTICES } from "./demo-notices-procurement";

export type DemoLanguage = "zh-CN" | "en";

export type DemoAttachment = {
  /** File name shown to users, e.g. "2026年市本级一般公共预算支出表.csv". */
  name: string;
  mediaType: "application/pdf" | "text/csv" | "text/plain";
  /** File content; the seed stores its UTF-8 bytes. */
  text: string;
};

/** The complete field set of a publish, amend or correct version. All values are strings. */
export type DemoContentFields = {
  title: string;
  /** 发文字号 / document number, e.g. "海规资〔2026〕17号" or "HPDRC [2026] No. 5". */
  number: string;
  category: string;
  language: DemoLanguage;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  /** Markdown. */
  body: string;
};

/** Why an amendment, correction or retraction was made: one line, and optional detail. */
export type DemoReason = {
  reason: string;
  reasonDetail?: string;
};

/** An amendment or correction: the complete field set, and its reason. */
export type DemoRevisionFields = DemoContentFields & DemoReason;

/** A retraction keeps the title (so the page can show it) and gives the reason. */
export type DemoRetractFields = {
  title: string;
} & DemoReason;

export type DemoNoticeVersion =
  | {
      kind: "publish";
      fields: DemoContentFields;
      daysAfterFirst?: undefined;
      attachments?: DemoAttachment[];
    }
  | {
      kind: "amend" | "correct";
      fields: DemoRevisionFields;
      /** Days after the first version; strictly increasing, less than the notice's daysAgo. */
      daysAfterFirst: number;
      attachments?: DemoAttachment[];
    }
  | {
      kind: "retract";
      fields: DemoRetractFields;
      daysAfterFirst: number;
      attachments?: undefined;
    };

export type DemoNotice = {
  /** ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$, e.g. "HP-PLAN-2026-017". */
  id: string;
  /** A DEMO_AGENCIES id. */
  agency: string;
  language: DemoLanguage;
  /** In the notice's language, e.g. "城乡规划", "Budget disclosure". */
  category: string;
  /** Days before DEMO_REFERENCE_DATE that the first version was published, 1..400. */
  daysAgo: number;
  versions: DemoNoticeVersion[];
};

/** The day the demo text was written for (see the conventions above). */
export const DEMO_REFERENCE_DATE = "2026-11-23";

export const DEMO_NOTICES: DemoNotice[] = [
  ...GOV_OFFICE_NOTICES,
  ...PLANNING_NOTICES,
  ...LAND_NOTICES,
  ...BUDGET_NOTICES,
  ...PROCUREMENT_NOTICES,
  ...DRC_NOTICES,
  ...INVESTMENT_NOTICES,
  ...EIA_NOTICES,
  ...ECOLOGY_NOTICES,
  ...HRSS_NOTICES,
].sort((a, b) => b.daysAgo - a.daysAgo || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
