/**
 * A new notice's id: the agency's id in capitals, the year and six random characters, e.g.
 * HP-LAND-2026-7KQ2MX — readable aloud, unique without a counter (so two clerks can never race
 * for the same number), and within the log's id pattern (letters, digits, hyphens, ≤ 64).
 * The agency's own document number (发文字号) is a separate field, chosen by the clerk.
 */
import { randomInt } from "node:crypto";

/** Crockford-style: no I, L, O or U, so an id read over the phone is not misheard. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newNoticeId(agencyId: string, now = new Date()): string {
  const suffix = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${agencyId.toUpperCase().slice(0, 45)}-${now.getUTCFullYear()}-${suffix}`;
}
