/**
 * Where a request came from, for the audit trail and the sign-in throttle. The address is the
 * last X-Forwarded-For entry: the one added by the proxy nearest to us (Next itself, or the
 * deployment's reverse proxy), which a client cannot forge the way it can the first entries.
 */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export function requestOrigin(headers: Headers | null | undefined): RequestOrigin {
  const forwarded = headers?.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? headers?.get("x-real-ip") ?? null;
  return { ip: ip?.slice(0, 100) ?? null, userAgent: headers?.get("user-agent") ?? null };
}
