import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

const BUTTON = "rounded bg-stone-800 px-4 py-2 font-medium text-white";

/** The layout the confirm and unsubscribe pages share: a heading, then a message or a one-button form. */
export async function AlertTokenPage({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations("alerts");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
      <p>
        <Link href="/notices" className="text-blue-800 underline">
          {t("toNotices")}
        </Link>
      </p>
    </div>
  );
}

export function TokenButtonForm({ action, token, label, testId }: { action: (form: FormData) => Promise<void>; token: string; label: string; testId: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={BUTTON} data-testid={testId}>
        {label}
      </button>
    </form>
  );
}
