import { getTranslations } from "next-intl/server";
import { readDb } from "@/lib/db/read-db";
import { getSignOff } from "@/lib/notices/get-sign-off";

/** "签发：张三" under a version's details, when its agency shows who signed it off (lib/notices/get-sign-off.ts). */
export async function NoticeSignOff({ noticeId, version }: { noticeId: string; version: number }) {
  const name = await getSignOff(await readDb(), noticeId, version);
  if (!name) return null;
  const t = await getTranslations("signOff");
  return <p className="text-sm" data-testid="notice-sign-off">{t("line", { name })}</p>;
}
