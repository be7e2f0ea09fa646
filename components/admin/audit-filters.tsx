import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { FieldErrors } from "./form-parts";
import { BUTTON, INPUT } from "./styles";

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  subject?: string;
  from?: string;
  to?: string;
}

interface Props {
  actions: readonly string[];
  values: AuditFilterValues;
  /** A field name and message key, when the URL's filter was refused. */
  error?: { field: string; key: string };
}

/** A plain GET form: the filter lives in the URL, so a view can be bookmarked and shared. */
export function AuditFilters({ actions, values, error }: Props) {
  const t = useTranslations("adminAudit");
  const ta = useTranslations("auditActions");
  const errorFor = (field: string) => (error?.field === field ? [error.key] : undefined);
  const invalid = (field: string) => (error?.field === field ? true : undefined);
  const text = (name: "actor" | "subject" | "from" | "to", type: "text" | "date" = "text") => (
    <div>
      <label htmlFor={`filter-${name}`} className="font-medium">
        {t(name)}
      </label>
      <input
        id={`filter-${name}`}
        name={name}
        type={type}
        defaultValue={values[name] ?? ""}
        aria-invalid={invalid(name)}
        aria-describedby={`filter-${name}-error`}
        className={INPUT}
      />
      <FieldErrors id={`filter-${name}-error`} keys={errorFor(name)} />
    </div>
  );
  return (
    <form method="get" role="search" aria-labelledby="audit-filters" className="space-y-3 rounded border border-stone-300 bg-white p-4">
      <h2 id="audit-filters" className="text-lg font-semibold">
        {t("filters")}
      </h2>
      <FieldErrors id="filter-form-error" keys={errorFor("_form")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="filter-action" className="font-medium">
            {t("action")}
          </label>
          <select id="filter-action" name="action" defaultValue={values.action ?? ""} aria-invalid={invalid("action")} aria-describedby="filter-action-error" className={INPUT}>
            <option value="">{t("anyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {ta(actionKey(action))}
              </option>
            ))}
          </select>
          <FieldErrors id="filter-action-error" keys={errorFor("action")} />
        </div>
        {text("actor")}
        {text("subject")}
        <div className="grid grid-cols-2 gap-3">
          {text("from", "date")}
          {text("to", "date")}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={BUTTON}>
          {t("apply")}
        </button>
        <Link href="/admin/audit" className="text-red-800 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}

/** Message keys cannot contain dots (next-intl nests on them): "user.role-change" -> "user_role-change". */
export function actionKey(action: string): string {
  return action.replaceAll(".", "_");
}
