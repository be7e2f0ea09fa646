/**
 * One-click unsubscribe (RFC 8058), the URL of every alert mail's List-Unsubscribe header.
 * POST (a mail program's "unsubscribe" button, body List-Unsubscribe=One-Click) ends the
 * subscription without a page: 200, plain text. The token is the only credential, as in the
 * mail's link; no Origin check, because the POST comes from a mail provider's server, not from
 * a page of ours. GET (someone opened the URL) goes to the unsubscribe page with its button.
 */
import { ApiError } from "@/lib/server/api/errors";
import { handle } from "@/lib/server/api/respond";
import { db } from "@/lib/server/db/client";
import { findTokenSubscription } from "@/lib/server/alerts/alert-token-lookup";
import { isAlertToken } from "@/lib/server/alerts/alert-tokens";
import { unsubscribe } from "@/lib/server/alerts/unsubscribe";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

export async function POST(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const { token } = await context.params;
    if ((await unsubscribe(db(), token)) !== "unsubscribed") throw new ApiError("not-found", "no subscription has this unsubscribe token; it may have ended already");
    return new Response("Unsubscribed. 已退订。\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  });
}

export async function GET(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const { token } = await context.params;
    const found = isAlertToken(token) ? await findTokenSubscription(db(), token, "unsubscribe", new Date(0)) : null;
    const target = new URL(`/${found?.locale ?? "zh-CN"}/alerts/unsubscribe/${isAlertToken(token) ? token : "invalid"}`, request.url);
    return new Response(null, { status: 303, headers: { location: target.pathname, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  });
}
