import "server-only";
/**
 * Mirror mode: MIRROR_OF names the origin this Gongshi copies and serves (docs/mirrors.md).
 * The origin's log key is the mirror operator's own choice (MIRROR_LOG_KEY), never read from the
 * origin: a mirror that took the key from the server it checks would accept any rewritten log.
 * A mirror signs nothing of the log, so a log signer key next to MIRROR_OF is refused.
 */
import { env } from "@/lib/server/env";
import { parseCosignatureSignerKey, parseVerifierKey, type CosignatureSigner, type NoteVerifier } from "@/lib/core/log";

export interface MirrorConfig {
  /** The origin's base URL, without a trailing slash. */
  originUrl: string;
  /** MIRROR_LOG_KEY as given (a C2SP note verifier key). */
  logKey: string;
  verifier: NoteVerifier;
  /** How often the server follows the origin, in ms; 0: only `npm run mirror:sync`. */
  intervalMs: number;
  /** The mirror's own cosigning key, when it has one. */
  cosigner: CosignatureSigner | null;
}

let cached: { config: MirrorConfig | null } | undefined;

/** The mirror configuration, or null when this is not a mirror. Throws, naming the variable, on a bad one. */
export function mirrorConfig(): MirrorConfig | null {
  if (cached) return cached.config;
  const { MIRROR_OF, MIRROR_LOG_KEY, MIRROR_INTERVAL_MS, MIRROR_SIGNER_KEY, LOG_SIGNER_KEY } = env();
  if (!MIRROR_OF) {
    if (MIRROR_LOG_KEY || MIRROR_SIGNER_KEY) throw new Error("MIRROR_LOG_KEY and MIRROR_SIGNER_KEY need MIRROR_OF, the origin's URL");
    cached = { config: null };
    return null;
  }
  if (!MIRROR_LOG_KEY) throw new Error("MIRROR_LOG_KEY is not set: a mirror needs the origin's verifier key, from its operator (see docs/mirrors.md)");
  if (LOG_SIGNER_KEY) throw new Error("LOG_SIGNER_KEY is set: a mirror signs nothing of the origin's log; unset it (see docs/mirrors.md)");
  let verifier;
  try {
    verifier = parseVerifierKey(MIRROR_LOG_KEY);
  } catch (e) {
    throw new Error(`MIRROR_LOG_KEY is not a valid verifier key: ${(e as Error).message}`);
  }
  let cosigner = null;
  if (MIRROR_SIGNER_KEY) {
    try {
      cosigner = parseCosignatureSignerKey(MIRROR_SIGNER_KEY);
    } catch (e) {
      throw new Error(`MIRROR_SIGNER_KEY is not a valid signer key: ${(e as Error).message}`);
    }
  }
  cached = { config: { originUrl: MIRROR_OF, logKey: MIRROR_LOG_KEY, verifier, intervalMs: MIRROR_INTERVAL_MS, cosigner } };
  return cached.config;
}

/** Whether this server is a mirror (no admin area, no publishing, no committer). */
export function isMirror(): boolean {
  return Boolean(env().MIRROR_OF);
}
