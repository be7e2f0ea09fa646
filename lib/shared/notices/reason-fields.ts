/**
 * The fields that say why a version exists (`reason`, `reasonDetail`), as opposed to what the
 * notice says. An amendment, correction or retraction logs them with itself (docs/log-format.md);
 * they belong to that one version: they are not carried to the next version, not the notice's
 * content in a diff, and not indexed as its text. Pure and free of zod, so pages and the
 * browser use it freely.
 */
export const REASON_FIELD_NAMES = ["reason", "reasonDetail"] as const;
export type ReasonFieldName = (typeof REASON_FIELD_NAMES)[number];

export function isReasonField(name: string): name is ReasonFieldName {
  return (REASON_FIELD_NAMES as readonly string[]).includes(name);
}

/** A version's fields without its reason: what the notice itself says. */
export function withoutReason(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !isReasonField(name)));
}

export interface VersionReason {
  reason: string;
  /** Null when none was given (or it is withheld). */
  detail: string | null;
}

/**
 * The reason a version states, as served (a withheld reason is absent from served fields), or
 * null when it states none: a first version, a version logged before reasons were required, or
 * a withheld reason. A detail whose reason is withheld is shown all the same.
 */
export function versionReason(fields: Readonly<Record<string, string>>): VersionReason | null {
  const reason = fields.reason ?? "";
  const detail = fields.reasonDetail ?? "";
  if (!reason && !detail) return null;
  return { reason, detail: detail || null };
}
