/**
 * What the browser-side verifier needs from lib/core/log, and nothing else. Not imported by the
 * app: scripts/bench-core.ts bundles this file to measure the verify-only code a citizen's
 * browser downloads (target: under 30 KB gzipped). Signing, key generation, proof
 * generation and tile appends stay out; if one of them shows up in the bundle's
 * contributors, a verify path has started to depend on it.
 */

// Merkle proofs (RFC 9162 §2.1.3.2, §2.1.4.2) and leaf hashing.
export { verifyInclusion, rootFromInclusionProof, verifyConsistency } from "../lib/core/log/proof-verify";
export { hashLeaf, parseHash, formatHash } from "../lib/core/log/hash";

// Signed checkpoints and offline tlog-proofs.
export { openCheckpoint } from "../lib/core/log/checkpoint";
export { parseVerifierKey } from "../lib/core/log/note-keys";
export { verifyTlogProof, parseTlogProof } from "../lib/core/log/tlog-proof";

// The notice leaf: decoding the log entry and checking shown content against its commitments.
export { decodeLeaf, verifyFieldCommitments, attachmentMatches } from "../lib/core/log/notice-leaf";
export { commitValue } from "../lib/core/log/commitment";

// Error classes, so the verifier can tell "malformed" from "does not verify".
export { FormatError, InputError, ProofError, RootMismatchError } from "../lib/core/log/errors";
