import "server-only";
/**
 * The server's view of the environment (lib/server/env-schema.ts has the schema and says which
 * variables there are): parsed once, whole, so a bad value stops the server at start.
 */
import type { z } from "zod";
import { parseSignerKey, type NoteSigner } from "@/lib/core/log";
import { TOOL_ONLY, envOf, envSchema, parseEnv } from "@/lib/server/env-schema";

export { envOf, isSet } from "@/lib/server/env-schema";

const schema = envSchema.omit(TOOL_ONLY);
type ServerEnv = z.infer<typeof schema>;

let cached: ServerEnv | undefined;

export function env(): ServerEnv {
  cached ??= parseEnv(schema);
  return cached;
}

/**
 * The rate limits alone (lib/server/rate-limit): the public route handlers that count requests need
 * no database URL or key to do so, and code that serves them in a test or a tool has none.
 */
export function rateLimitEnv() {
  return envOf(["RATE_LIMIT_SEARCH_PER_MINUTE", "RATE_LIMIT_DOWNLOAD_PER_MINUTE", "RATE_LIMIT_BURST"]);
}

/** The email alerts' settings alone (lib/server/alerts): read per call, so a test can point them at its own mail sink. */
export function alertEnv() {
  return envOf(["SMTP_URL", "MAIL_FROM", "PUBLIC_URL", "ALERT_DIGEST_INTERVAL_MS", "RATE_LIMIT_SUBSCRIBE_PER_HOUR", "GONGSHI_SELF_ORIGIN", "PORT"]);
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
