import "server-only";
/**
 * Subscribe requests per client address (RATE_LIMIT_SUBSCRIBE_PER_HOUR, default 10, a burst of
 * 5), in this process's memory like the other rate limits (lib/server/rate-limit). The per-address
 * limits that matter more, on the mailbox side, are in the database (lib/server/alerts/subscribe.ts).
 */
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { alertEnv } from "@/lib/server/env";
import { TokenBuckets } from "@/lib/server/rate-limit/token-buckets";

const holder = globalThis as unknown as { gongshiSubscribeLimit?: TokenBuckets | null };

/** 0 if the client may subscribe now, else the seconds until it may. */
export function takeSubscribeLimit(headers: Headers): number {
  if (holder.gongshiSubscribeLimit === undefined) {
    const perHour = alertEnv().RATE_LIMIT_SUBSCRIBE_PER_HOUR;
    holder.gongshiSubscribeLimit = perHour > 0 ? new TokenBuckets({ perMinute: perHour / 60, burst: Math.min(5, perHour) }) : null;
  }
  return holder.gongshiSubscribeLimit?.take(requestOrigin(headers).ip ?? "unknown") ?? 0;
}
