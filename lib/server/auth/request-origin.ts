/**
 * Where a request came from, for the audit trail, the sign-in throttle and the rate limits.
 * The address is the one server.mjs decided from the socket and TRUSTED_PROXIES
 * (lib/server/http/client-address.mjs) and put in CLIENT_ADDRESS_HEADER, overwriting anything a client
 * sent; X-Forwarded-For itself is never read here, since any client can write it. Without
 * server.mjs (`next dev`, tests calling handlers directly) there is no such header: null.
 */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** Set by server.mjs on every request (the same name as in lib/server/http/client-address.mjs). */
export const CLIENT_ADDRESS_HEADER = "x-gongshi-client-address";

export function requestOrigin(headers: Headers | null | undefined): RequestOrigin {
  const ip = headers?.get(CLIENT_ADDRESS_HEADER) || null;
  return { ip: ip?.slice(0, 100) ?? null, userAgent: headers?.get("user-agent") ?? null };
}
