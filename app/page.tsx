import Link from "next/link";
import { db } from "@/lib/db/client";
import { latestCheckpoint } from "@/lib/log-service/latest-checkpoint";
import { listLatestNotices } from "@/lib/notices/list-latest-notices";
import { KIND_LABEL } from "@/components/notice-labels";

// Reads the live log: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const prisma = db();
  const [notices, checkpoint] = await Promise.all([listLatestNotices(prisma, 20), latestCheckpoint(prisma)]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-3xl font-bold tracking-tight">
          公示 · <span lang="en">Gongshi</span>
        </h1>
        <p className="leading-relaxed">
          本站发布的每一份公示及其每一次修改，都记录在一个只可追加、经数字签名的默克尔日志中，任何人都可以验证。
        </p>
        <p lang="en" className="leading-relaxed text-stone-700">
          Every notice published here, and every change to it, is recorded in an append-only, signed Merkle log that
          anyone can verify.
        </p>
      </section>

      <section aria-labelledby="log-state" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="log-state" className="text-lg font-semibold">
          日志状态 <span lang="en" className="font-normal text-stone-600">Log status</span>
        </h2>
        {checkpoint ? (
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt>条目数 <span lang="en">Entries</span></dt>
            <dd data-testid="log-size">{checkpoint.size}</dd>
            <dt>最新检查点 <span lang="en">Latest checkpoint</span></dt>
            <dd>
              <time dateTime={checkpoint.createdAt.toISOString()}>{checkpoint.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
            </dd>
          </dl>
        ) : (
          <p className="mt-2">日志尚未发布检查点。<span lang="en">The log has not published a checkpoint yet.</span></p>
        )}
      </section>

      <section aria-labelledby="latest" className="space-y-3">
        <h2 id="latest" className="text-xl font-semibold">
          最新公示 <span lang="en" className="font-normal text-stone-600">Latest notices</span>
        </h2>
        {notices.length === 0 ? (
          <p>暂无公示。<span lang="en">No notices yet.</span></p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
            {notices.map((n) => (
              <li key={n.id} className="p-4">
                <Link href={`/n/${n.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline" lang={n.language ?? undefined}>
                  {n.title}
                </Link>
                <p className="mt-1 text-sm text-stone-600">
                  {n.agency.nameZh}
                  {n.number ? ` · ${n.number}` : ""} · {KIND_LABEL[n.kind] ?? n.kind} · {n.updatedAt.slice(0, 10)}
                  {n.logIndex === null ? " · 待入日志 pending" : ` · 日志 #${n.logIndex}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
