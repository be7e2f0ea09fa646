import "server-only";
/**
 * The audit trail's filters, as they appear in the page's URL (so a filtered view can be
 * bookmarked and shared between administrators). Dates are calendar days in China's time zone,
 * the portal's, and the range includes both ends.
 */
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/server/audit/record-audit-event";
import { isCalendarDate } from "@/lib/shared/publishing/notice-fields";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const day = z.preprocess(blankToUndefined, z.string().regex(DAY, { error: "dateInvalid" }).refine(isCalendarDate, { error: "dateInvalid" }).optional());
const text = z.preprocess(blankToUndefined, z.string().trim().max(320, { error: "tooLong" }).optional());

export const auditFilterInput = z
  .object({
    action: z.preprocess(blankToUndefined, z.enum(AUDIT_ACTIONS, { error: "invalid" }).optional()),
    actor: text,
    subject: text,
    from: day,
    to: day,
    page: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(100_000, { error: "invalid" }).default(1),
    ),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "dateOrder", path: ["to"] });

export type AuditFilter = z.infer<typeof auditFilterInput>;

/** The first instant of `day` and of the day after it, in China's time zone (UTC+8, no DST). */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
}
