import { getTranslations } from "next-intl/server";

/** "签发：张三" under a version's details, when its agency shows who signed it off (lib/server/notices/get-sign-off.ts). */
export async function NoticeSignOff({ name }: { name: string | null }) {
  if (!name) return null;
  const t = await getTranslations("signOff");
  return (
    <p className="text-sm" data-testid="notice-sign-off">
      {t("line", { name })}
    </p>
  );
}
