/** lib/core/verify plus a tlog-proof check of a bundle's leaf, as a C2SP tool other than Gongshi's would do it. */
import { fromBase64, parseVerifierKey, verifyTlogProof } from "@/lib/core/log";
import type { ProofBundle } from "@/lib/core/verify";
export { parseBundle, parseBundleFile, summarize, verifyBundle } from "@/lib/core/verify";

/** 0 when the bundle's tlog-proof proves its leaf bytes under the given key; throws otherwise. */
export function verifyTlogProofText(bundle: ProofBundle, log: { origin: string; verifierKey: string }): number {
  verifyTlogProof(bundle.tlogProof, fromBase64(bundle.entry.leaf), log.origin, [parseVerifierKey(log.verifierKey)]);
  return 0;
}
