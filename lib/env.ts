import "server-only";
/**
 * The environment, parsed once with zod; a bad value fails fast with a message naming the
 * variable (never its value: LOG_SIGNER_KEY is a secret and must not reach the logs).
 */
import { z } from "zod";
import { parseSignerKey, type NoteSigner } from "@/lib/log";
import { DEFAULT_READ_MAX_WAIT_MS } from "@/lib/db/read-routing.mjs";

/** Largest attachment accepted, in bytes (20 MiB unless configured: a scanned PDF of a long notice fits). */
export const attachmentMaxBytesSchema = z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
  /** Who migrations run as: the owner role, or a superuser at set-up (docs/database-roles.md). */
  DATABASE_OWNER_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
  /**
   * A streaming replica of DATABASE_URL (hot standby, same role) for public reads; unset, the
   * primary answers everything (docs/read-replicas.md).
   */
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
  /** How long a public read waits for the replica to catch up with the primary before reading the primary. */
  DATABASE_READ_MAX_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_READ_MAX_WAIT_MS),
  LOG_SIGNER_KEY: z.string().startsWith("PRIVATE+KEY+", "must be a C2SP signer key (PRIVATE+KEY+…)").optional(),
  LOG_ORIGIN: z.string().min(1).regex(/^[^\s+]+$/, "must be non-empty without spaces or '+'").optional(),
  LOG_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(3000),
  /** A C2SP tlog-policy file naming the witnesses asked to cosign checkpoints (lib/witnessing). */
  LOG_WITNESS_POLICY: z.string().min(1).optional(),
  /** How often the server asks witnesses to catch up; 0 leaves it to `npm run log:witness`. */
  LOG_WITNESS_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** The site's public origin for absolute URLs (feeds, sitemap); without it, the request's host. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((value) => new URL(value).origin)
    .optional(),
  ATTACHMENT_MAX_BYTES: attachmentMaxBytesSchema,
  /** Memory for rendered public pages (lib/page-cache), per process; 0 turns the cache off. */
  PAGE_CACHE_MAX_BYTES: z.coerce.number().int().min(0).max(16 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** How often each server looks for newly logged notices to pre-render (lib/page-cache/prerender-on-log.ts); 0 turns it off. */
  PAGE_PRERENDER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
  /** Mirror mode (lib/mirror, docs/mirrors.md): the origin Gongshi this one copies and serves. */
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
  /** The web server's longest SQL statement (lib/db/client.ts); 0: none. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** How long a request waits for one of the pool's connections before it is answered 503; 0: forever. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** Per client address (lib/rate-limit): uncached searches, search API and feeds, CSV export; 0 turns it off. */
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(12),
  /** Per client address: proof bundles and inclusion proofs; 0 turns it off. */
  RATE_LIMIT_DOWNLOAD_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** How many such requests a client may make at once before the per-minute rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(6),
  /** Proxies whose X-Forwarded-For is believed (server.mjs, lib/http/client-address.mjs): IPs or CIDRs, comma-separated. */
  TRUSTED_PROXIES: z.string().regex(/^[\s0-9a-zA-Z.:/,]*$/, "must be IP addresses, CIDR ranges or proxy-addr names (loopback, uniquelocal), comma-separated").optional(),
  /** Email alerts (lib/alerts, docs/alerts.md): the SMTP server mail goes through; unset, alerts are off. May hold a password: never logged. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  /** The From address of alert mail ("Gongshi <alerts@notices.example.gov>"). */
  MAIL_FROM: z.string().min(3).max(200).optional(),
  /** How often the server sends alert digests; 0 leaves it to `npm run alerts:send`. */
  ALERT_DIGEST_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** How often the server publishes approved drafts whose scheduled time has come (docs/review.md); 0 leaves it to `npm run drafts:publish-due`. */
  SCHEDULED_PUBLISH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** Subscribe requests per hour per client address (lib/alerts/subscribe-rate-limit.ts); 0 turns it off. */
  RATE_LIMIT_SUBSCRIBE_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(10),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(schema);
  return cached;
}

function parseEnv<S extends z.ZodType>(part: S): z.infer<S> {
  // An empty variable means "not set" (as `VAR= cmd` and most deployment tools intend).
  const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const result = part.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  return result.data;
}

const rateLimitSchema = schema.pick({ RATE_LIMIT_SEARCH_PER_MINUTE: true, RATE_LIMIT_DOWNLOAD_PER_MINUTE: true, RATE_LIMIT_BURST: true });

/**
 * The rate limits alone (lib/rate-limit): the public route handlers that count requests need
 * no database URL or key to do so, and code that serves them in a test or a tool has none.
 */
export function rateLimitEnv(): z.infer<typeof rateLimitSchema> {
  return parseEnv(rateLimitSchema);
}

const alertSchema = schema.pick({ SMTP_URL: true, MAIL_FROM: true, PUBLIC_URL: true, ALERT_DIGEST_INTERVAL_MS: true, RATE_LIMIT_SUBSCRIBE_PER_HOUR: true });

/** The email alerts' settings alone (lib/alerts): read per call, so a test can point them at its own mail sink. */
export function alertEnv(): z.infer<typeof alertSchema> {
  return parseEnv(alertSchema);
}

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

/**
 * Where migrations connect. Without DATABASE_OWNER_URL, DATABASE_URL: right only where the two
 * are the same on purpose, as in the embedded database of `npm run up` (docs/database-roles.md).
 */
export function databaseOwnerUrl(): string {
  return env().DATABASE_OWNER_URL ?? env().DATABASE_URL;
}

export interface LogConfig {
  origin: string;
  signer: NoteSigner;
  verifierKey: string;
}

let logConfigCache: LogConfig | undefined;

/**
 * The log's signing identity. The origin defaults to the key's name, as C2SP recommends
 * (the key name in the signature line should match the checkpoint origin).
 */
export function logConfig(): LogConfig {
  if (logConfigCache) return logConfigCache;
  const { LOG_SIGNER_KEY, LOG_ORIGIN } = env();
  if (!LOG_SIGNER_KEY) throw new Error("LOG_SIGNER_KEY is not set: the log cannot sign checkpoints (see README, 'Signing key')");
  let signer;
  try {
    signer = parseSignerKey(LOG_SIGNER_KEY);
  } catch (e) {
    throw new Error(`LOG_SIGNER_KEY is not a valid signer key: ${(e as Error).message}`);
  }
  logConfigCache = { origin: LOG_ORIGIN ?? signer.name, signer, verifierKey: signer.verifierKey };
  return logConfigCache;
}

/**
 * The secret that signs session cookies. Production refuses to start without one; development
 * and tests fall back to a fixed, publicly known value, which is safe only because such
 * sessions guard nothing but local demo data.
 */
export function authSecret(): string {
  const { BETTER_AUTH_SECRET, NODE_ENV } = env();
  if (BETTER_AUTH_SECRET) return BETTER_AUTH_SECRET;
  if (NODE_ENV === "production") throw new Error("BETTER_AUTH_SECRET is not set: sessions cannot be signed (see README, 'Clerks and administrators')");
  return "gongshi-local-development-secret-not-for-production";
}
