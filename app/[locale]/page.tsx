import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/db/client";
import { latestCheckpoint } from "@/lib/log-service/latest-checkpoint";
import { listLatestNotices } from "@/lib/notices/list-latest-notices";
import { NoticeList } from "@/components/notice-list";

// Reads the live log: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format] = await Promise.all([getTranslations("home"), getFormatter()]);
  const prisma = db();
  const [notices, checkpoint] = await Promise.all([listLatestNotices(prisma, 20), latestCheckpoint(prisma)]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="leading-relaxed">{t("intro")}</p>
      </section>

      <section aria-labelledby="log-state" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="log-state" className="text-lg font-semibold">
          {t("logStatus")}
        </h2>
        {checkpoint ? (
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt>{t("entries")}</dt>
            <dd data-testid="log-size">{checkpoint.size}</dd>
            <dt>{t("latestCheckpoint")}</dt>
            <dd>
              <time dateTime={checkpoint.createdAt.toISOString()}>{format.dateTime(checkpoint.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
            </dd>
          </dl>
        ) : (
          <p className="mt-2">{t("noCheckpoint")}</p>
        )}
      </section>

      <section aria-labelledby="latest" className="space-y-3">
        <h2 id="latest" className="text-xl font-semibold">
          {t("latest")}
        </h2>
        <NoticeList notices={notices} />
      </section>
    </div>
  );
}
