import "server-only";
/**
 * The origin for absolute URLs: citations and share links, feeds, the sitemap and robots.txt. PUBLIC_URL when set (it
 * should be, in production: a Host header is the client's to choose, and a shared cache could
 * otherwise keep a feed full of links to whatever host one client sent). Otherwise the request's
 * own host, checked to be a plain host[:port] so it cannot break out of the URLs it is put in.
 */
import { env } from "@/lib/server/env";

const HOST = /^[a-zA-Z0-9.-]{1,253}(:[0-9]{1,5})?$|^\[[0-9a-fA-F:.]{2,45}\](:[0-9]{1,5})?$/;

export function publicOrigin(headers: Headers, fallback: string): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : new URL(fallback).protocol.replace(":", "");
  return HOST.test(host) ? `${proto}://${host}` : new URL(fallback).origin;
}

/** The public origin for a route handler's request (not lib/server/auth/request-origin.ts, which says who sent it). */
export function publicOriginOf(request: Request): string {
  return publicOrigin(request.headers, request.url);
}
