/**
 * The page a visitor gets when the portal refuses to render one now: 503 while the database is
 * saturated, 429 when this visitor is over the search limit (proxy.ts). Plain HTML made here,
 * not a rendered route: a render is exactly what is being refused, and it may need the database.
 * Localized from the path's locale, with Retry-After.
 */
import { routing, type Locale } from "@/i18n/routing";
import en from "@/messages/en/load.json";
import zh from "@/messages/zh-CN/load.json";

const MESSAGES: Record<Locale, typeof en.overload> = { en: en.overload, "zh-CN": zh.overload };

export type Overload = "busy" | "limited";

const STATUS: Record<Overload, number> = { busy: 503, limited: 429 };

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function overloadPage(pathname: string, kind: Overload, retryAfterSeconds: number): Response {
  const first = pathname.split("/")[1];
  const locale = routing.locales.find((l) => l === first) ?? routing.defaultLocale;
  const m = MESSAGES[locale];
  const title = kind === "busy" ? m.busyTitle : m.limitedTitle;
  const body = kind === "busy" ? m.busyBody : m.limitedBody;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>${escape(title)}</h1>
<p>${escape(body)}</p>
<p>${escape(m.retry.replace("{seconds}", String(retryAfterSeconds)))}</p>
<p><a href="/${locale}">${escape(m.home)}</a></p>
</body></html>
`;
  return new Response(html, {
    status: STATUS[kind],
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-language": locale,
      "cache-control": "no-store",
      "retry-after": String(retryAfterSeconds),
    },
  });
}
