/**
 * lib/verify — verifying a notice version end to end, in the browser and offline. Pure and
 * isomorphic like lib/log (which it builds on): no I/O, no Node-only APIs.
 */
export * from "./types";
export { verifyNoticeVersion, summarize, type Verdict } from "./verify-notice-version";
export { checkContent } from "./step-content";
export { checkLeafHash, checkInclusion, checkSignature, readCheckpoint } from "./step-log";
export { checkConsistency } from "./step-consistency";
export { checkWitnesses } from "./step-witnesses";
export {
  describeQuorumRule,
  describeTally,
  policyFromWitnessKeys,
  quorumRule,
  tallyCosignatures,
  tallyNote,
  type CosignatureTally,
  type QuorumRule,
} from "./witness-quorum";
export { findTwoHistories, type TwoHistoriesResult, type SplitEvidence, type CheckpointSummary } from "./two-histories";
export { judgeKeptCheckpoint, type KeptCheckpointInput, type SplitVerdict } from "./kept-checkpoint-verdict";
export {
  BUNDLE_FORMAT,
  BUNDLES_FORMAT,
  MAX_BUNDLE_BYTES,
  MAX_BUNDLES,
  MAX_BUNDLES_BYTES,
  bundleFileName,
  createBundle,
  parseBundle,
  parseBundleFile,
  verifyBundle,
  type ProofBundle,
  type ProofBundles,
  type VerifyBundleOptions,
} from "./bundle";
export { leafAttachments, matchAttachmentFiles, type AttachmentFileResult } from "./attachment-files";
