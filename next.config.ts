import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { readFileSync } from "node:fs";
import { parseSignerKey } from "./lib/core/log/note-keys";
import { parseWitnessPolicy, policyAllowsLog } from "./lib/core/log/witness-policy";
import { uploadBodyLimit as computeUploadBodyLimit } from "./lib/server/http/request-guard.mjs";
import { contentSecurityPolicy } from "./lib/server/http/content-security-policy.mjs";
import { SECURITY_HEADERS } from "./lib/server/http/security-headers.mjs";
import { pageCacheNextConfig } from "./lib/server/page-cache/next-config";
import { TOOL_ONLY, envSchema, parseEnv } from "./lib/server/env-schema";

/**
 * The environment, parsed here so that a bad value fails the build (and `next start`), naming
 * the variable. Only the database URL may be missing: a build reads no database.
 */
const buildEnv = parseEnv(envSchema.omit(TOOL_ONLY).partial({ DATABASE_URL: true }));

/**
 * The log's public key and origin, fixed into the browser verifier at build time. The
 * verifier must not fetch the key from the server it is checking: a server that rewrote its
 * log could just as well serve a key of its own. Derived from LOG_SIGNER_KEY (only the public
 * half leaves this function) unless LOG_VERIFIER_KEY is given for a build without the secret.
 * A mirror has neither (docs/mirrors.md): its pages verify against the origin's key that its
 * operator pinned, MIRROR_LOG_KEY, so a mirror built on its own needs no other key.
 */
function builtInLogIdentity(): { verifierKey: string; origin: string } {
  const { LOG_SIGNER_KEY: signerKey, LOG_VERIFIER_KEY, MIRROR_LOG_KEY, LOG_ORIGIN } = buildEnv;
  let verifierKey = LOG_VERIFIER_KEY || (signerKey ? "" : MIRROR_LOG_KEY || "");
  let name = verifierKey.split("+")[0] ?? "";
  if (!verifierKey && signerKey) {
    let signer;
    try {
      signer = parseSignerKey(signerKey);
    } catch (e) {
      throw new Error(`LOG_SIGNER_KEY is not a valid signer key: ${(e as Error).message}`);
    }
    verifierKey = signer.verifierKey;
    name = signer.name;
  }
  return { verifierKey, origin: LOG_ORIGIN || name };
}

const logIdentity = builtInLogIdentity();

/**
 * The witness policy (a C2SP tlog-policy file, LOG_WITNESS_POLICY) fixed into the page for the
 * same reason as the key: a verifier that fetched the policy from the server it checks would
 * accept whatever witnesses that server names. A malformed policy stops the build, naming the
 * line, rather than shipping a verifier that requires nothing. Unset: no witness requirement.
 */
function builtInWitnessPolicy(): string {
  const file = buildEnv.LOG_WITNESS_POLICY;
  if (!file) return "";
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`LOG_WITNESS_POLICY: cannot read ${file}: ${(e as Error).message}`);
  }
  let policy;
  try {
    policy = parseWitnessPolicy(text);
  } catch (e) {
    throw new Error(`LOG_WITNESS_POLICY ${file}: ${(e as Error).message}`);
  }
  if (logIdentity.verifierKey && !policyAllowsLog(policy, logIdentity.verifierKey)) {
    throw new Error(`LOG_WITNESS_POLICY ${file}: its log lines do not include the verifier key this build is for, ${logIdentity.verifierKey}`);
  }
  return text;
}

const witnessPolicy = builtInWitnessPolicy();

/**
 * The largest request the editor's server actions accept (lib/server/http/request-guard.mjs computes it
 * from ATTACHMENT_MAX_BYTES). Next refuses larger server-action bodies (default 1 MB) and buffers
 * at most proxyClientMaxBodySize of a body passing through proxy.ts (default 10 MB, truncating
 * the rest), so both are raised to this. A file just over the attachment limit still fits, and so
 * reaches the service, which refuses it with a clear message; the editor stops selections
 * larger than this in the browser, before sending (NEXT_PUBLIC_UPLOAD_BODY_LIMIT). Only the
 * editor's uploads of a signed-in clerk get this much: server.mjs refuses any other body over
 * 1 MiB before Next reads it (request-guard.mjs).
 */
const uploadBodyLimit = computeUploadBodyLimit(buildEnv.ATTACHMENT_MAX_BYTES);

/**
 * The policy for `next dev` and `next start`, which make no nonces: Next inlines its bootstrap
 * scripts, so it needs 'unsafe-inline' (lib/server/http/content-security-policy.mjs). server.mjs
 * (`npm start`) puts a policy with a nonce into every request's Content-Security-Policy header
 * and answers with it; this one is sent only when the request has none (decided per request,
 * since these headers are fixed at build time).
 */
const fallbackPolicy = {
  source: "/:path*",
  missing: [{ type: "header" as const, key: "content-security-policy" }],
  headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy(null, { dev: buildEnv.NODE_ENV === "development" }) }],
};

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Compression, metadata in the head for every client, and the proxy seeing requests as they
  // came: what the public page cache relies on (lib/server/page-cache/next-config.ts explains each).
  ...pageCacheNextConfig({ serverCompresses: buildEnv.GONGSHI_SERVER_COMPRESSES === "1" }),
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: buildEnv.BUILD_TYPECHECK === "off" },
  env: {
    NEXT_PUBLIC_LOG_VERIFIER_KEY: logIdentity.verifierKey,
    NEXT_PUBLIC_LOG_ORIGIN: logIdentity.origin,
    NEXT_PUBLIC_LOG_WITNESS_POLICY: witnessPolicy,
    NEXT_PUBLIC_UPLOAD_BODY_LIMIT: String(uploadBodyLimit),
  },
  experimental: {
    // For forbidden(): a signed-in user whose role does not allow an admin page gets a real 403
    // with a localized page (app/[locale]/admin/forbidden.tsx), not a redirect or a 404.
    authInterrupts: true,
    serverActions: { bodySizeLimit: uploadBodyLimit },
    proxyClientMaxBodySize: uploadBodyLimit,
    turbopackFileSystemCacheForBuild: buildEnv.BUILD_CACHE === "on",
  },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }, fallbackPolicy];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
