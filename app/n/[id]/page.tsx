import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { getNotice, type NoticeDto } from "@/lib/notices/get-notice";
import { KIND_LABEL } from "@/components/notice-labels";
import { NoticeVersionView } from "@/components/notice-version-view";

export const dynamic = "force-dynamic";

async function load(id: string): Promise<NoticeDto> {
  try {
    return await getNotice(db(), id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not-found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const notice = await load((await params).id);
  const current = notice.versions.at(-1)!;
  return { title: current.fields.title ?? notice.id, description: `${notice.agency.nameZh} · ${notice.agency.nameEn}` };
}

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const notice = await load((await params).id);
  const versions = [...notice.versions].reverse();
  const current = versions[0]!;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">
          {notice.agency.nameZh} · <span lang="en">{notice.agency.nameEn}</span>
        </p>
        <h1 className="text-2xl font-bold" lang={current.fields.language}>
          {current.fields.title ?? notice.id}
        </h1>
        {current.kind !== "publish" && (
          <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2">
            {KIND_LABEL[current.kind]} — 第 {current.version} 版 <span lang="en">version {current.version}</span>
          </p>
        )}
      </header>
      <NoticeVersionView version={current} />
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          版本历史 <span lang="en" className="font-normal text-stone-600">Version history</span>
        </h2>
        <ol className="space-y-2">
          {versions.map((v) => (
            <li key={v.version} className="rounded border border-stone-300 bg-white p-3 text-sm">
              第 {v.version} 版 · {KIND_LABEL[v.kind] ?? v.kind} · {v.createdAt.slice(0, 10)} ·{" "}
              {v.log ? (
                <span>
                  日志索引 <span lang="en">log index</span> <strong>{v.log.index}</strong>
                </span>
              ) : (
                <span>待入日志 <span lang="en">pending</span></span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
