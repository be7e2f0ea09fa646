/**
 * What next.config.ts computes from the build's environment (parsed by lib/server/env-schema.ts) and
 * fixes into the pages, its `env`: the one module that reads them. Each is read as a literal
 * `process.env.NEXT_PUBLIC_…`, the exact text Next replaces with the value at build time, also
 * in browser code, which has no environment to parse.
 */
export const BUILT_IN_ENV = {
  logVerifierKey: process.env.NEXT_PUBLIC_LOG_VERIFIER_KEY ?? "",
  logOrigin: process.env.NEXT_PUBLIC_LOG_ORIGIN ?? "",
  /** The tlog-policy text; "" when the build has none. */
  logWitnessPolicy: process.env.NEXT_PUBLIC_LOG_WITNESS_POLICY ?? "",
  /** The largest request the server takes; the fallback is its size for the default attachment limit. */
  uploadBodyLimit: Number(process.env.NEXT_PUBLIC_UPLOAD_BODY_LIMIT) || 41 * 1024 * 1024,
} as const;
