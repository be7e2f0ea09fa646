import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { READING_MODE_COOKIE } from "@/lib/shared/reading-mode-cookie";

// The choice is read on the server so the first paint is already right.

export async function readingModeOn(): Promise<boolean> {
  return (await cookies()).get(READING_MODE_COOKIE)?.value === "on";
}

async function setReadingMode(form: FormData): Promise<void> {
  "use server";
  const on = form.get("readingMode") === "on";
  // A year, site-wide; Lax because the choice only matters on top-level navigations.
  (await cookies()).set(READING_MODE_COOKIE, on ? "on" : "off", { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}

/**
 * 适老模式 switch. A server-action form, so it also works with JavaScript disabled (a plain
 * POST that re-renders the page); with JavaScript the page refreshes in place.
 */
export async function ReadingModeSwitch() {
  const [t, on] = await Promise.all([getTranslations("site"), readingModeOn()]);
  return (
    <form action={setReadingMode}>
      <input type="hidden" name="readingMode" value={on ? "off" : "on"} />
      <button type="submit" aria-pressed={on} className="rounded border border-red-800 px-2 py-1 text-red-800 hover:bg-red-50 aria-pressed:bg-red-800 aria-pressed:text-white">
        {t("readingMode")}
      </button>
    </form>
  );
}
