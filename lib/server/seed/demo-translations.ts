/**
 * Demo notices published in both languages, each English notice linked as a translation of its
 * Chinese one (lib/server/translations), so both pages show "Also in English" / "另有中文版". Pure data.
 */
export const DEMO_TRANSLATIONS: readonly { translationId: string; originalId: string }[] = [
  { translationId: "HP-FIN-2026-002-EN", originalId: "HP-FIN-2026-002" },
  { translationId: "HP-DRC-2026-005-EN", originalId: "HP-DRC-2026-005" },
  { translationId: "HP-DRC-2026-008-EN", originalId: "HP-DRC-2026-008" },
  { translationId: "HP-ECO-2026-004-EN", originalId: "HP-ECO-2026-004" },
  { translationId: "HP-ECO-2026-012-EN", originalId: "HP-ECO-2026-012" },
  { translationId: "HP-GOV-2026-007-EN", originalId: "HP-GOV-2026-007" },
  { translationId: "HP-HRSS-2026-009-EN", originalId: "HP-HRSS-2026-009" },
  { translationId: "HP-PLAN-2026-003-EN", originalId: "HP-PLAN-2026-003" },
  { translationId: "HP-PLAN-2026-011-EN", originalId: "HP-PLAN-2026-011" },
];
