/**
 * lib/core/verify — verifying a notice version end to end, in the browser and offline. Pure and
 * isomorphic like lib/core/log (which it builds on): no I/O, no Node-only APIs.
 */
export * from "./types";
export { verifyNoticeVersion, summarize } from "./verify-notice-version";
export { checkSignature, readCheckpoint } from "./step-log";
export { checkWitnesses } from "./step-witnesses";
export { describeQuorumRule, describeTally, policyFromWitnessKeys, quorumRule, tallyCosignatures, tallyNote, type QuorumRule } from "./witness-quorum";
export { findTwoHistories, type SplitEvidence } from "./two-histories";
export { judgeKeptCheckpoint, type SplitVerdict } from "./kept-checkpoint-verdict";
export {
  BUNDLES_FORMAT,
  MAX_BUNDLE_BYTES,
  MAX_BUNDLES_BYTES,
  bundleFileName,
  createBundle,
  parseBundle,
  parseBundleFile,
  verifyBundle,
  type ProofBundle,
  type ProofBundles,
} from "./bundle";
export { leafAttachments, matchAttachmentFiles } from "./attachment-files";
