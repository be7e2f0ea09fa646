import { useLocale, useTranslations } from "next-intl";
import { PortalTime } from "@/components/portal-time";
import { AdminTable } from "@/components/admin/admin-table";
import type { AuditActor, AuditEventRow } from "@/lib/server/admin/list-audit-events";
import { actionKey } from "./audit-filters";

const USER_AGENT_SHOWN = 60;

/** The audit events of one page: who, when (with its time zone), from where, and what. */
export function AuditTable({ events, knownActions }: { events: AuditEventRow[]; knownActions: readonly string[] }) {
  const t = useTranslations("adminAudit");
  const ta = useTranslations("auditActions");
  if (events.length === 0) return <p>{t("noEvents")}</p>;
  return (
    <AdminTable caption={t("title")} columns={[t("when"), t("what"), t("who"), t("where")]} dense>
      {events.map((event) => (
        <tr key={event.id} className="border-b border-stone-200 align-top">
          <td className="py-2 pr-3 whitespace-nowrap">
            <PortalTime value={event.at} style="dateTimeSeconds" />
          </td>
          <td className="py-2 pr-3">
            <p className="font-medium">{knownActions.includes(event.action) ? ta(actionKey(event.action)) : event.action}</p>
            {event.subject && (
              <p className="break-all">
                {t("subjectLabel")} {event.subject}
              </p>
            )}
            <DetailList detail={event.detail} />
          </td>
          <td className="py-2 pr-3 break-all">
            <ActorCell actor={event.actor} />
          </td>
          <td className="py-2 pr-3 break-all">
            {event.ip && <span className="block">{event.ip}</span>}
            {event.userAgent && (
              <span className="block text-stone-700" title={event.userAgent}>
                {event.userAgent.length > USER_AGENT_SHOWN ? `${event.userAgent.slice(0, USER_AGENT_SHOWN)}…` : event.userAgent}
              </span>
            )}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

/** Who acted: a user by email and name, an agency API token by label, prefix and agency, or no one. */
function ActorCell({ actor }: { actor: AuditActor | null }) {
  const t = useTranslations("adminAudit");
  const locale = useLocale();
  if (actor === null) return t("system");
  if (actor.kind === "token") {
    const agency = locale === "en" ? actor.agency.nameEn : actor.agency.nameZh;
    return t("apiToken", { label: actor.label, prefix: actor.prefix, agency });
  }
  if (!actor.email) return t("unknownUser", { id: actor.id });
  return (
    <>
      <span>{actor.email}</span>
      {actor.name && <span className="block text-stone-700">{actor.name}</span>}
    </>
  );
}

/** The event's detail, one line per key: readable without reading JSON, exact for nested values. */
function DetailList({ detail }: { detail: AuditEventRow["detail"] }) {
  if (detail === null || typeof detail !== "object" || Array.isArray(detail)) return null;
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-stone-700">{key}</dt>
          <dd className="font-mono break-all">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
