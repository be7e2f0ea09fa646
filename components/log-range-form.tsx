import { useTranslations } from "next-intl";

/**
 * "What entered between checkpoints M and N": a plain GET form to /log/entries, which checks
 * the sizes and explains a bad one next to the fields, keeping what was typed.
 */
export function LogRangeForm({
  action,
  size,
  from,
  to,
  error,
}: {
  action: string;
  size: number;
  from?: string;
  to?: string;
  error?: { fields: readonly ("from" | "to")[]; message: string };
}) {
  const t = useTranslations("logList");
  const field = (name: "from" | "to", value: string | undefined) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`range-${name}`} className="font-semibold">
        {t(name)}
      </label>
      <input
        id={`range-${name}`}
        name={name}
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        defaultValue={value}
        aria-invalid={error?.fields.includes(name) ? true : undefined}
        aria-describedby="range-hint range-error"
        className="w-40 rounded border border-stone-600 bg-white px-2 py-1"
      />
    </div>
  );
  return (
    <section aria-labelledby="range-form" className="space-y-3">
      <h2 id="range-form" className="text-xl font-semibold">
        {t("rangeForm")}
      </h2>
      <form method="get" action={action} className="flex flex-wrap items-end gap-3" noValidate>
        {field("from", from)}
        {field("to", to)}
        <button type="submit" className="rounded bg-red-800 px-4 py-1.5 font-semibold text-white hover:bg-red-900">
          {t("show")}
        </button>
      </form>
      <p id="range-hint" className="text-sm text-stone-700">
        {t("rangeHint", { size })}
      </p>
      <p id="range-error" role="alert" className="font-semibold text-red-800" data-testid="range-error">
        {error?.message}
      </p>
    </section>
  );
}
