/** Demo notices: 海平市发展和改革委员会 — foreign investment (English, with PDF attachments). */
import { asciiPdf } from "./ascii-pdf";
import type { DemoAttachment, DemoNotice } from "./demo-notices";

const GUIDE_PDF: DemoAttachment = {
  name: "haiping-foreign-investment-guide-2026-summary.pdf",
  mediaType: "application/pdf",
  text: asciiPdf([
    "Haiping Foreign Investment Guide 2026 (Summary)",
    "Published by the Haiping Municipal Development and Reform Commission.",
    "",
    "1. Market access: the national Negative List applies; all other sectors are open",
    "   to foreign investment on the same terms as domestic investment.",
    "2. Priority sectors: marine science and technology, advanced equipment, port",
    "   logistics, cross-border e-commerce, healthcare and elderly care services.",
    "3. Company registration: one working day at the Civic Centre service hall;",
    "   English-speaking staff at window 12.",
    "4. Land: industrial parcels are offered by online listing; notices in English.",
    "5. Support: R&D centre programme, talent housing, fast-track work permits.",
    "",
    "Foreign Investment Service Desk: telephone 0000-6170150,",
    "e-mail invest@drc.haiping.example.",
    "This summary is for information only; the Chinese policy texts prevail.",
  ]),
};

const GUIDE_BODY = `The Haiping Municipal Development and Reform Commission publishes the Haiping Foreign Investment Guide 2026 for foreign investors considering projects in Haiping. A one-page summary is attached as a PDF.

**Market access.** Outside the sectors in the national Special Administrative Measures for Foreign Investment Access (Negative List), foreign investors enjoy national treatment. Haiping applies no additional local restrictions.

**Priority sectors.** Marine science and technology, advanced equipment manufacturing, port logistics and cold chains, cross-border e-commerce, and healthcare and elderly care services.

**Services.** Company registration is completed within one working day at the Haiping Civic Centre service hall, with English-speaking staff at window 12. Each major project is assigned a case officer who coordinates planning, land, environmental and construction procedures.

**Incentives.** See the Support Programme for Foreign-Invested R&D Centres, talent housing subsidies and fast-track work permits for foreign professionals (published by the Human Resources and Social Security Bureau).

**Contact.** Foreign Investment Service Desk, Block A, Haiping Civic Centre, 88 Binhai Avenue; telephone 0000-6170150; e-mail invest@drc.haiping.example.`;

const RD_PDF: DemoAttachment = {
  name: "rd-centre-programme-2026-application-checklist.pdf",
  mediaType: "application/pdf",
  text: asciiPdf([
    "2026 Foreign-Invested R&D Centre Programme: Application Checklist",
    "",
    "[ ] Application form, signed and stamped",
    "[ ] Business licence of the applicant (copy)",
    "[ ] Audited financial statements for 2024 and 2025",
    "[ ] R&D expenditure statement for 2025 (at least CNY 5 million)",
    "[ ] List of R&D staff (numbers and qualifications only; at least 30 people)",
    "[ ] Description of R&D facilities and equipment",
    "[ ] Intellectual property and project achievements since 2023",
    "[ ] Commitment letter on the truthfulness of the application",
    "",
    "Submit online at www.haiping.example before the deadline in the notice.",
    "Questions: telephone 0000-6170150, e-mail invest@drc.haiping.example.",
  ]),
};

const RD_BODY = `The Haiping Municipal Development and Reform Commission invites applications for the 2026 Support Programme for Foreign-Invested R&D Centres.

**Who may apply.** Foreign-invested enterprises registered in Haiping, or their R&D centres, with at least 30 full-time R&D staff and R&D expenditure of at least CNY 5 million in 2025.

**Support.** A one-off grant of up to CNY 5 million for newly recognised centres, and up to 20% of the cost of new R&D equipment, capped at CNY 3 million, for existing centres.

**How to apply.** Submit the documents on the attached checklist through the online system at www.haiping.example. The application deadline is 17:00 on 31 September 2026. Results of the expert review will be published for five working days before funds are granted.

**Contact.** Foreign Investment Service Desk, telephone 0000-6170150, e-mail invest@drc.haiping.example.`;

const RD_CORRECTED = RD_BODY.replace("17:00 on 31 September 2026", "17:00 on 30 September 2026");

export const INVESTMENT_NOTICES: DemoNotice[] = [
  {
    id: "HP-DRC-2026-015-EN",
    agency: "hp-drc",
    language: "en",
    category: "investment",
    daysAgo: 189, // 2026-05-18
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Haiping Foreign Investment Guide 2026",
          number: "HPDRC [2026] No. 15",
          category: "investment",
          language: "en",
          effectiveDate: "2026-05-18",
          body: GUIDE_BODY,
        },
        attachments: [GUIDE_PDF],
      },
    ],
  },
  {
    id: "HP-DRC-2026-026-EN",
    agency: "hp-drc",
    language: "en",
    category: "investment",
    daysAgo: 98, // 2026-08-17
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Call for Applications: 2026 Support Programme for Foreign-Invested R&D Centres",
          number: "HPDRC [2026] No. 26",
          category: "investment",
          language: "en",
          effectiveDate: "2026-08-17",
          body: RD_BODY,
        },
        attachments: [RD_PDF],
      },
      {
        kind: "correct",
        daysAfterFirst: 2, // 2026-08-19
        fields: {
          title: "Call for Applications: 2026 Support Programme for Foreign-Invested R&D Centres",
          number: "HPDRC [2026] No. 26",
          category: "investment",
          language: "en",
          effectiveDate: "2026-08-17",
          body: RD_CORRECTED,
          reason: "The application deadline was misprinted as 31 September.",
          reasonDetail: "The correct deadline is 17:00 on 30 September 2026.",
        },
        attachments: [RD_PDF],
      },
    ],
  },
];
