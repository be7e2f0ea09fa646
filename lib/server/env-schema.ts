/**
 * Every environment variable Gongshi reads, as one zod schema, and its parsing. Pure (no
 * "server-only", no path aliases), so that next.config.ts can parse it and fail the build on a
 * bad value, the scripts can, and server.mjs can through .next/log-http.mjs (esbuild bundles
 * lib/server/log-http/fast-path.ts, which re-exports envOf). The server's accessors are lib/server/env.ts.
 * A bad value fails with a message naming the variable, never its value: LOG_SIGNER_KEY,
 * BETTER_AUTH_SECRET and SMTP_URL are secrets and must not reach the logs.
 */
import { z } from "zod";
import { DEFAULT_PORTAL_TIME_ZONE } from "../shared/portal-time";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

/** The canonical name of an IANA time zone ("asia/shanghai" → "Asia/Shanghai"), or null if it is none. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Largest attachment accepted, in bytes (20 MiB unless configured: a scanned PDF of a long notice fits). */
export const attachmentMaxBytesSchema = z.coerce
  .number()
  .int()
  .min(1024)
  .max(1024 * 1024 * 1024)
  .default(20 * 1024 * 1024);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  /** Who migrations run as: the owner role, or a superuser at set-up (docs/database-roles.md). */
  DATABASE_OWNER_URL: postgresUrl.optional(),
  /**
   * A streaming replica of DATABASE_URL (hot standby, same role) for public reads; unset, the
   * primary answers everything (docs/read-replicas.md).
   */
  DATABASE_READ_URL: postgresUrl.optional(),
  /** How long a public read waits for the replica to catch up with the primary before reading the primary (lib/server/db/read-routing.mjs). */
  DATABASE_READ_MAX_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(50),
  LOG_SIGNER_KEY: z.string().startsWith("PRIVATE+KEY+", "must be a C2SP signer key (PRIVATE+KEY+…)").optional(),
  /** The log's verifier key, for a build of the browser verifier without the signer key (next.config.ts). */
  LOG_VERIFIER_KEY: z
    .string()
    .regex(/^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/, "must be a C2SP verifier key (name+hash+key)")
    .optional(),
  LOG_ORIGIN: z
    .string()
    .min(1)
    .regex(/^[^\s+]+$/, "must be non-empty without spaces or '+'")
    .optional(),
  LOG_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(3000),
  /** A C2SP tlog-policy file naming the witnesses asked to cosign checkpoints (lib/server/witnessing). */
  LOG_WITNESS_POLICY: z.string().min(1).optional(),
  /** How often the server asks witnesses to catch up; 0 leaves it to `npm run log:witness`. */
  LOG_WITNESS_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** The site's public origin for absolute URLs (feeds, sitemap); without it, the request's host. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((value) => new URL(value).origin)
    .optional(),
  ATTACHMENT_MAX_BYTES: attachmentMaxBytesSchema,
  /** Memory for rendered public pages (lib/server/page-cache), per process; 0 turns the cache off. */
  PAGE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(16 * 1024 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  /** How often each server looks for newly logged notices to pre-render (lib/server/page-cache/prerender-on-log.ts); 0 turns it off. */
  PAGE_PRERENDER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
  /** Mirror mode (lib/server/mirror, docs/mirrors.md): the origin Gongshi this one copies and serves. */
  MIRROR_OF: z
    .url({ protocol: /^https?$/, error: "must be the origin's http(s) URL" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  /** The origin's log verifier key, pinned by the mirror's operator (never taken from the origin). */
  MIRROR_LOG_KEY: z.string().min(1).optional(),
  /** How often a mirror follows its origin; 0 leaves it to `npm run mirror:sync` (cron). */
  MIRROR_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** The mirror's own key (optional): it then cosigns each checkpoint it holds (cosignature/v1). Secret. */
  MIRROR_SIGNER_KEY: z.string().startsWith("PRIVATE+KEY+", "must be a C2SP signer key (PRIVATE+KEY+…)").optional(),
  /** Signs session cookies (better-auth). Required in production; never logged. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  /** The web server's longest SQL statement (lib/server/db/client.ts); 0: none. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** How long a request waits for one of the pool's connections before it is answered 503; 0: forever. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** Per client address (lib/server/rate-limit): uncached searches, search API and feeds, CSV export; 0 turns it off. */
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(12),
  /** Per client address: proof bundles and inclusion proofs; 0 turns it off. */
  RATE_LIMIT_DOWNLOAD_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** How many such requests a client may make at once before the per-minute rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(6),
  /** Proxies whose X-Forwarded-For is believed (server.mjs, lib/server/http/client-address.mjs): IPs or CIDRs, comma-separated. */
  TRUSTED_PROXIES: z
    .string()
    .regex(/^[\s0-9a-zA-Z.:/,]*$/, "must be IP addresses, CIDR ranges or proxy-addr names (loopback, uniquelocal), comma-separated")
    .optional(),
  /** Email alerts (lib/server/alerts, docs/alerts.md): the SMTP server mail goes through; unset, alerts are off. May hold a password: never logged. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The From address of alert mail ("Gongshi <alerts@notices.example.gov>"). */
  MAIL_FROM: z.string().min(3).max(200).optional(),
  /** How often the server sends alert digests; 0 leaves it to `npm run alerts:send`. */
  ALERT_DIGEST_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** How often the server publishes approved drafts whose scheduled time has come (docs/review.md); 0 leaves it to `npm run drafts:publish-due`. */
  SCHEDULED_PUBLISH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** Subscribe requests per hour per client address (lib/server/alerts/subscribe-rate-limit.ts); 0 turns it off. */
  RATE_LIMIT_SUBSCRIBE_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(10),
  /** The zone public pages show times in (lib/shared/portal-time.ts), in its canonical spelling; Asia/Shanghai unset. */
  PORTAL_TIME_ZONE: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value?.trim() || DEFAULT_PORTAL_TIME_ZONE);
      if (zone === null) ctx.addIssue({ code: "custom", message: `"${value}" is not an IANA time zone name (for example Asia/Shanghai or UTC)` });
      return zone ?? DEFAULT_PORTAL_TIME_ZONE;
    }),
  /** The log's endpoints answered before Next by server.mjs (lib/server/log-http/fast-path.ts); "off" leaves them to Next. */
  LOG_HTTP_FAST_PATH: z.enum(["on", "off"]).default("on"),
  /** Where server.mjs and `next start` listen (`-p` and `-H` take precedence). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** Set by server.mjs, never by an operator: its own address, where the page cache renders a miss. */
  GONGSHI_SELF_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  /** Set by server.mjs, never by an operator: it compresses answers itself, so Next must not (next.config.ts). */
  GONGSHI_SERVER_COMPRESSES: z.literal("1").optional(),
  /**
   * Build only (next.config.ts). "off": `next build` skips its own type check, for a build that
   * follows `npm run typecheck` (`next typegen && tsc`, the same check over the same files), as the
   * browser tests' build in `npm test` does.
   */
  BUILD_TYPECHECK: z.enum(["on", "off"]).default("on"),
  /** Build only. "off": `next build` writes no Turbopack cache into .next/cache, which only a later build could use (not CI's one build of a fresh clone). */
  BUILD_CACHE: z.enum(["on", "off"]).default("on"),
  /** Tools only: the PostgreSQL server the benchmarks and unit tests create their databases on. */
  BENCH_DATABASE_ADMIN_URL: postgresUrl.optional(),
  TEST_DATABASE_ADMIN_URL: postgresUrl.optional(),
  /** Tools only: the browser that measures and benchmarks drive, and the server they measure. */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  BASE_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
});

export type Env = z.infer<typeof envSchema>;

/** The variables only the tools read (scripts/): the server does not refuse to start over them. */
export const TOOL_ONLY = { BENCH_DATABASE_ADMIN_URL: true, TEST_DATABASE_ADMIN_URL: true, CHROMIUM_PATH: true, BASE_URL: true } as const;
export type EnvName = keyof Env;

/**
 * `part` of the environment, parsed from `source`; throws "invalid environment: NAME: problem"
 * for each bad variable. An empty variable means "not set" (as `VAR= cmd` and most deployment
 * tools intend).
 */
export function parseEnv<S extends z.ZodType>(part: S, source: Record<string, string | undefined> = process.env): z.infer<S> {
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = part.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  return result.data;
}

/**
 * The named variables alone, parsed afresh on every call: for code that must run where the rest
 * of the environment is missing (a build without a database, a test, a tool), and for a tool
 * that sets variables as it goes (scripts/up.ts).
 */
export function envOf<K extends EnvName>(names: readonly K[], source: Record<string, string | undefined> = process.env): Pick<Env, K> {
  const mask = Object.fromEntries(names.map((name) => [name, true])) as Record<EnvName, true>;
  return parseEnv(envSchema.pick(mask), source) as unknown as Pick<Env, K>;
}

/**
 * Whether the variable is given at all, without judging its value: for code that chooses a path
 * (a mirror, a replica) before the code on that path validates it and reports a bad value there.
 */
export function isSet(name: EnvName, source: Record<string, string | undefined> = process.env): boolean {
  return (source[name] ?? "") !== "";
}
