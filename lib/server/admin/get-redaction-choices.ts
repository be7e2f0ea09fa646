import "server-only";
/**
 * What an administrator may withhold in a notice: every version with its served fields and
 * attachment names, each under the commitment path a `redact` entry names
 * (docs/log-format.md). Only logged versions can be redacted; paths already withheld are
 * listed as such, without their values (they are no longer served to anyone).
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";
import { attachmentNamePath } from "@/lib/core/log";
import { noticeTitle } from "@/lib/shared/notices/effective-fields";
import { getNotice } from "@/lib/server/notices/get-notice";

export interface RedactablePath {
  /** A field name or attachments/<i>/name. */
  path: string;
  /** The field's name, or null for an attachment name. */
  field: string | null;
  /** The attachment's position for attachments/<i>/name, else null. */
  attachment: number | null;
  /** The served value, shortened to a preview (an attachment name in full); null once withheld. */
  value: string | null;
  withheld: { basis: string; at: string } | null;
}

export interface RedactableVersion {
  version: number;
  kind: string;
  createdAt: string;
  logIndex: number | null;
  paths: RedactablePath[];
}

export interface RedactionChoices {
  noticeId: string;
  agency: { id: string; nameZh: string; nameEn: string };
  title: string;
  versions: RedactableVersion[];
}

/** The order the page lists fields in: the notice's own order, then any others. */
const FIELD_ORDER = ["title", "number", "category", "language", "effectiveDate", "body", "reason", "reasonDetail"];
const PREVIEW_LENGTH = 200;
const preview = (value: string | undefined) => (value === undefined ? null : value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH)}…` : value);
const rank = (name: string) => (FIELD_ORDER.includes(name) ? FIELD_ORDER.indexOf(name) : FIELD_ORDER.length);

export async function getRedactionChoices(prisma: PrismaClient, actor: Actor | null, noticeId: string): Promise<RedactionChoices> {
  requireRole(actor, "administrator");
  const notice = await getNotice(prisma, noticeId);
  const versions = notice.versions.map((v): RedactableVersion => {
    const withheld = new Map(v.withheld.map((w) => [w.path, { basis: w.basis, at: w.at }]));
    const names = [...new Set([...Object.keys(v.fields), ...v.withheld.map((w) => w.path).filter((p) => !p.startsWith("attachments/"))])];
    const fields = names
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((name) => ({ path: name, field: name, attachment: null, value: preview(v.fields[name]), withheld: withheld.get(name) ?? null }));
    const attachments = v.attachments.map((a) => {
      const path = attachmentNamePath(a.position);
      return { path, field: null, attachment: a.position, value: withheld.has(path) ? null : a.fileName, withheld: withheld.get(path) ?? null };
    });
    return { version: v.version, kind: v.kind, createdAt: v.createdAt, logIndex: v.log?.index ?? null, paths: [...fields, ...attachments] };
  });
  const title = noticeTitle(notice, notice.versions.at(-1)!.version);
  return { noticeId: notice.id, agency: notice.agency, title, versions };
}
