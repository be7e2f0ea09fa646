import type { NoticeVersionDto } from "@/lib/notices/get-notice";

const FIELD_LABEL: Record<string, string> = {
  number: "文号 Number",
  category: "类别 Category",
  effectiveDate: "生效日期 Effective date",
  reason: "撤回理由 Reason",
};

/** One version's content. The body is shown as plain text (no HTML is ever interpreted). */
export function NoticeVersionView({ version }: { version: NoticeVersionDto }) {
  const meta = Object.entries(FIELD_LABEL).filter(([name]) => version.fields[name]);
  return (
    <div className="space-y-4" lang={version.fields.language}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {meta.map(([name, label]) => (
          <div key={name} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd>{version.fields[name]}</dd>
          </div>
        ))}
        <dt className="text-stone-600">日志 Log</dt>
        <dd data-testid="log-index">{version.log ? `#${version.log.index} · ${version.log.leafHash}` : "待入日志 pending"}</dd>
      </dl>
      {version.fields.body && <div className="whitespace-pre-wrap leading-relaxed">{version.fields.body}</div>}
      {version.attachments.length > 0 && (
        <ul className="space-y-1 text-sm">
          {version.attachments.map((a) => (
            <li key={a.position}>
              <a href={a.url} className="text-blue-800 underline">
                {a.fileName}
              </a>{" "}
              · {a.size} B · SHA-256 <code className="break-all">{a.sha256}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
