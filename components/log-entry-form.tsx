import { useTranslations } from "next-intl";

/** "Go to entry #": a plain GET form back to the log page, which validates and redirects. */
export function LogEntryForm({ size, value, error }: { size: number; value: string | undefined; error: string | undefined }) {
  const t = useTranslations("log");
  const max = Math.max(size - 1, 0);
  return (
    <section aria-labelledby="go-to" className="space-y-3">
      <h2 id="go-to" className="text-xl font-semibold">
        {t("goTo")}
      </h2>
      <form method="get" className="flex flex-wrap items-end gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="entry" className="font-semibold">
            {t("entryNumber")}
          </label>
          <input
            id="entry"
            name="entry"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            defaultValue={value}
            aria-invalid={error ? true : undefined}
            aria-describedby="entry-hint entry-error"
            className="w-40 rounded border border-stone-600 bg-white px-2 py-1"
          />
          <p id="entry-hint" className="text-sm text-stone-700">
            {t("entryHint", { max })}
          </p>
        </div>
        <button type="submit" className="rounded bg-red-800 px-4 py-1.5 font-semibold text-white hover:bg-red-900">
          {t("go")}
        </button>
      </form>
      <p id="entry-error" role="alert" className="font-semibold text-red-800">
        {error}
      </p>
    </section>
  );
}
