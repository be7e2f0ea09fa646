/**
 * gongshi/proof-bundle/v1 (docs/proof-bundle.md): everything needed to verify one notice
 * version with no server — content and salts, the leaf, its inclusion proof, the signed
 * checkpoint and the log's identity — plus the same proof as a standard c2sp.org/tlog-proof@v1
 * text, so tools that know nothing of Gongshi can check the leaf's inclusion too.
 *
 * The two copies of the proof must agree exactly; otherwise one file could show a verifier one
 * proof and another tool a different one.
 */
import { FormatError, MAX_NOTE_BYTES, formatTlogProof, parseHash, type Hash, type WitnessPolicy } from "@/lib/core/log";
import { array, fail, integer, object, parseJson, string, stringMap } from "./bundle-schema";
import { readCheckpoint } from "./step-log";
import { verifyNoticeVersion } from "./verify-notice-version";
import type { EarlierCheckpointInput, StepResult, WithheldField } from "./types";

export const BUNDLE_FORMAT = "gongshi/proof-bundle/v1";
export const BUNDLES_FORMAT = "gongshi/proof-bundles/v1";
/** One bundle: a leaf is < 64 KiB, but field values (a long body) are not in the leaf. */
export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
export const MAX_BUNDLES_BYTES = 256 * 1024 * 1024;
export const MAX_BUNDLES = 1000;
const MAX_VALUE = 1024 * 1024;

export interface ProofBundle {
  format: typeof BUNDLE_FORMAT;
  notice: string;
  agency: string;
  version: number;
  kind: string;
  loggedAt: string;
  fields: Record<string, string>;
  /** base64 32-byte salts, keyed like `fields`. */
  salts: Record<string, string>;
  attachments: { sha256: string; size: number; name: string; nameSalt: string }[];
  withheld: WithheldField[];
  log: { origin: string; verifierKey: string };
  entry: { index: number; leaf: string; leafHash: string };
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
  /** Inclusion proof of entry.index at the checkpoint's size, base64, leaf's sibling first. */
  inclusionProof: string[];
  /** c2sp.org/tlog-proof@v1 text of the same proof, for the leaf bytes. */
  tlogProof: string;
  /** Optional: a consistency proof from an earlier published size `from` to the checkpoint's size. */
  consistency?: { from: number; proof: string[] };
}

export interface ProofBundles {
  format: typeof BUNDLES_FORMAT;
  bundles: ProofBundle[];
  /** URL of the next page when a listing was capped; null when complete. */
  next: string | null;
}

/** Assembles a bundle and its tlog-proof text from parts; the server and tests use it. */
export function createBundle(parts: Omit<ProofBundle, "format" | "tlogProof">): ProofBundle {
  const tlogProof = formatTlogProof({ index: parts.entry.index, proof: parts.inclusionProof.map((h) => parseHash(h)), checkpoint: parts.checkpoint });
  const { consistency, ...rest } = parts;
  return { format: BUNDLE_FORMAT, ...rest, tlogProof, ...(consistency ? { consistency } : {}) };
}

export function parseBundle(text: string): ProofBundle {
  return checkBundle(parseJson(text, MAX_BUNDLE_BYTES), "bundle");
}

/** A file holding either one bundle or a gongshi/proof-bundles/v1 list. */
export function parseBundleFile(text: string): ProofBundle[] {
  const value = parseJson(text, MAX_BUNDLES_BYTES);
  const format = typeof value === "object" && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format === BUNDLE_FORMAT) {
    if (text.length > MAX_BUNDLE_BYTES) throw new FormatError("bundle-too-large", `a bundle is at most ${MAX_BUNDLE_BYTES} bytes`);
    return [checkBundle(value, "bundle")];
  }
  const list = object(value, "bundles", ["format", "bundles", "next"]);
  if (list.format !== BUNDLES_FORMAT) fail("bundles.format", `must be "${BUNDLE_FORMAT}" or "${BUNDLES_FORMAT}"`);
  if (list.next !== null) string(list.next, "bundles.next", 2048);
  return array(list.bundles, "bundles.bundles", MAX_BUNDLES, (b, p) => checkBundle(b, p));
}

export interface VerifyBundleOptions {
  /** The log key from a trusted source; without it the bundle's own key is used (and said so). */
  verifierKey?: string;
  origin?: string;
  /** A checkpoint kept from before. Its proof defaults to the bundle's, when that starts at the kept size. */
  earlier?: EarlierCheckpointInput;
  /** The witness policy the bundle's checkpoint must meet; `witnesses` is read as "any one of these keys". */
  policy?: WitnessPolicy;
  witnesses?: readonly string[];
}

export function verifyBundle(bundle: ProofBundle, options: VerifyBundleOptions = {}): StepResult[] {
  let earlier = options.earlier;
  if (earlier && earlier.proof === undefined && bundle.consistency) {
    if (readCheckpoint(earlier.checkpoint)?.size === bundle.consistency.from) earlier = { ...earlier, proof: bundle.consistency.proof };
  }
  return verifyNoticeVersion({
    shown: bundle,
    entry: bundle.entry,
    inclusionProof: bundle.inclusionProof,
    checkpoint: bundle.checkpoint,
    log: { origin: options.origin ?? bundle.log.origin, verifierKey: options.verifierKey ?? bundle.log.verifierKey },
    // Stryker disable next-line ConditionalExpression: a member set to undefined reads as an absent one in verifyNoticeVersion (input.earlier, input.policy ?? input.witnesses)
    ...(earlier ? { earlier } : {}),
    // Stryker disable next-line ConditionalExpression: as above
    ...(options.policy ? { policy: options.policy } : {}),
    // Stryker disable next-line ConditionalExpression: as above
    ...(options.witnesses ? { witnesses: options.witnesses } : {}),
  });
}

/** "<notice>-v<version>.gongshi-proof.json" — what the download is saved as. */
export function bundleFileName(notice: string, version: number): string {
  return `${notice}-v${version}.gongshi-proof.json`;
}

const TOP = [
  "format",
  "notice",
  "agency",
  "version",
  "kind",
  "loggedAt",
  "fields",
  "salts",
  "attachments",
  "withheld",
  "log",
  "entry",
  "checkpoint",
  "inclusionProof",
  "tlogProof",
];

function checkBundle(value: unknown, path: string): ProofBundle {
  const b = object(value, path, TOP, ["consistency"]);
  if (b.format !== BUNDLE_FORMAT) fail(`${path}.format`, `must be "${BUNDLE_FORMAT}"`);
  const log = object(b.log, `${path}.log`, ["origin", "verifierKey"]);
  const entry = object(b.entry, `${path}.entry`, ["index", "leaf", "leafHash"]);
  const bundle: ProofBundle = {
    format: BUNDLE_FORMAT,
    notice: string(b.notice, `${path}.notice`, 64),
    agency: string(b.agency, `${path}.agency`, 64),
    version: integer(b.version, `${path}.version`, 1),
    kind: string(b.kind, `${path}.kind`, 16),
    loggedAt: string(b.loggedAt, `${path}.loggedAt`, 24),
    fields: stringMap(b.fields, `${path}.fields`, 64, MAX_VALUE),
    salts: stringMap(b.salts, `${path}.salts`, 64, 44),
    attachments: array(b.attachments, `${path}.attachments`, 100, (a, p) => {
      const att = object(a, p, ["sha256", "size", "name", "nameSalt"]);
      return {
        sha256: string(att.sha256, `${p}.sha256`, 64),
        size: integer(att.size, `${p}.size`),
        name: string(att.name, `${p}.name`, 1024),
        nameSalt: string(att.nameSalt, `${p}.nameSalt`, 44),
      };
    }),
    withheld: array(b.withheld, `${path}.withheld`, 164, (w, p) => {
      const item = object(w, p, ["path", "basis", "at", "logIndex"]);
      return {
        path: string(item.path, `${p}.path`, 64),
        basis: string(item.basis, `${p}.basis`, 2000),
        at: string(item.at, `${p}.at`, 40),
        logIndex: item.logIndex === null ? null : integer(item.logIndex, `${p}.logIndex`),
      };
    }),
    log: { origin: string(log.origin, `${path}.log.origin`, 256), verifierKey: string(log.verifierKey, `${path}.log.verifierKey`, 512) },
    entry: {
      index: integer(entry.index, `${path}.entry.index`),
      leaf: string(entry.leaf, `${path}.entry.leaf`, 90_000),
      leafHash: string(entry.leafHash, `${path}.entry.leafHash`, 44),
    },
    checkpoint: string(b.checkpoint, `${path}.checkpoint`, MAX_NOTE_BYTES),
    inclusionProof: array(b.inclusionProof, `${path}.inclusionProof`, 64, (h, p) => string(h, p, 44)),
    tlogProof: string(b.tlogProof, `${path}.tlogProof`, MAX_NOTE_BYTES + 8192),
  };
  if (b.consistency !== undefined) {
    const c = object(b.consistency, `${path}.consistency`, ["from", "proof"]);
    bundle.consistency = { from: integer(c.from, `${path}.consistency.from`), proof: array(c.proof, `${path}.consistency.proof`, 128, (h, p) => string(h, p, 44)) };
  }
  checkTlogProofAgrees(bundle, path);
  return bundle;
}

function checkTlogProofAgrees(bundle: ProofBundle, path: string): void {
  let expected: string;
  try {
    const proof: Hash[] = bundle.inclusionProof.map((h) => parseHash(h));
    expected = formatTlogProof({ index: bundle.entry.index, proof, checkpoint: bundle.checkpoint });
  } catch {
    // The inclusion step reports malformed hashes or checkpoints; here only agreement matters.
    return;
  }
  if (bundle.tlogProof !== expected) fail(`${path}.tlogProof`, "does not match entry.index, inclusionProof and checkpoint");
}
