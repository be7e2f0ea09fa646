/**
 * Demo redactions: the list of people to be hired, public only for its publicity period
 * (公示期), is withheld once the period has ended — the usual reason personal data leaves a
 * government portal. Pure data for the seed script.
 */
export interface DemoRedaction {
  noticeId: string;
  version: number;
  withhold: string[];
  basis: string;
}

export const DEMO_REDACTIONS: readonly DemoRedaction[] = [
  {
    noticeId: "HP-HRSS-2026-024",
    version: 1,
    withhold: ["body"],
    basis: "《中华人民共和国个人信息保护法》第四十七条：公示期满; PIPL Art. 47 (publicity period ended)",
  },
];
