/**
 * A field of a notice as of one version. Later versions need not repeat every field (a
 * retraction carries only title and reason), so a page shows each field from the newest
 * version, up to and including the one it shows, that carries that field. Pure.
 *
 * Two things this rule must never do:
 * - borrow from a LATER version: a version's permalink and citation show what stood at that
 *   version, and a later correction of the number must not appear as the cited version's;
 * - show a withheld value, or hide a withholding behind another version's value: when the
 *   version the field comes from has it withheld (a `redact` entry names that version's path),
 *   the field is withheld, full stop. Falling back to an earlier version's value would show an
 *   outdated value as the one in force (or, often, the same text the redaction removed).
 *
 * Withheld fields are already absent from a served version's `fields`; a version "carries" a
 * field when it serves it or has it withheld. An empty string counts as not carried.
 *
 * A reason (reason-fields.ts) is never carried forward: it says why its own version was made,
 * so as of any version it is that version's reason or absent.
 */
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { isReasonField } from "./reason-fields";

export type FieldSource = Pick<NoticeVersionDto, "version" | "fields"> & { withheld: readonly Pick<NoticeVersionDto["withheld"][number], "path">[] };

export type EffectiveField =
  /** Served: the value and the version it comes from. */
  | { state: "shown"; value: string; version: number }
  /** The version it comes from has it withheld: show nothing of it (the page's banner says why). */
  | { state: "withheld"; version: number }
  /** No version up to `asOf` carries it. */
  | { state: "absent" };

/**
 * Field `name` as of version `asOf`, from `versions` (any order). Versions after `asOf` are
 * never looked at.
 */
export function effectiveField(versions: readonly FieldSource[], asOf: number, name: string): EffectiveField {
  let source: FieldSource | undefined;
  const own = isReasonField(name);
  for (const v of versions) {
    if ((own && v.version !== asOf) || v.version > asOf || (source && source.version > v.version)) continue;
    if (v.withheld.some((w) => w.path === name) || v.fields[name]) source = v;
  }
  if (!source) return { state: "absent" };
  const value = source.fields[name];
  return value && !source.withheld.some((w) => w.path === name) ? { state: "shown", value, version: source.version } : { state: "withheld", version: source.version };
}

/** The value to show for field `name` as of version `asOf`: undefined when withheld or absent. */
export function effectiveValue(versions: readonly FieldSource[], asOf: number, name: string): string | undefined {
  const field = effectiveField(versions, asOf, name);
  return field.state === "shown" ? field.value : undefined;
}

/** The title a version is named by: its effective title, else (withheld or none) the notice id. */
export function noticeTitle(notice: { id: string; versions: readonly FieldSource[] }, asOf: number): string {
  return effectiveValue(notice.versions, asOf, "title") ?? notice.id;
}
