/**
 * The offline verifier's logic, with file reading passed in so tests can call it directly.
 * No network, ever: what cannot be checked from the files given is said, not fetched.
 */
import { parseVerifierKey, verifyTlogProof } from "@/lib/core/log";
import {
  MAX_BUNDLES_BYTES,
  describeTally,
  leafAttachments,
  matchAttachmentFiles,
  parseBundleFile,
  summarize,
  tallyCosignatures,
  verifyBundle,
  type ProofBundle,
  type StepResult,
} from "@/lib/core/verify";
import { checkKeptSignedBy, readKeptCheckpoint } from "./kept-checkpoint";
import { reportTwoHistories } from "./two-histories-output";
import { EXIT_WAITING, checkPolicyLog, formatWitness, readPolicy } from "./witness-output";

export const USAGE = `usage:
  gongshi-verify <bundle.json> --key <verifier key> [--checkpoint <kept-checkpoint.txt>] [--attachment <file>...] [--policy <tlog-policy file> | --witness <key>...]
  gongshi-verify tlog-proof <proof-file> --entry <entry-bytes-file> --key <verifier key> [--origin <origin>] [--attachment <file>...] [--policy <file> | --witness <key>...]
exit status: 0 verified, 1 failed (a step, or an --attachment file that is not the version's), 2 bad input or no --key (nothing is verified without it), 3 waiting for witnesses (the policy's quorum is not met)`;

export interface Io {
  readFile(path: string, maxBytes: number): Uint8Array;
  /** Lowercase hex SHA-256 and byte size of a file of any size (read in pieces, not loaded whole). */
  digestFile(path: string): { sha256: string; size: number };
  out(line: string): void;
}

const MARK = { ok: "ok  ", failed: "FAIL", skipped: "--  ", info: "i   ", waiting: "WAIT" } as const;

export function run(args: readonly string[], io: Io): number {
  try {
    if (args[0] === "tlog-proof") return runTlogProof(parseArgs(args.slice(1), ["entry", "key", "origin", "attachment", "policy", "witness"]), io);
    return runBundle(parseArgs(args, ["key", "checkpoint", "attachment", "policy", "witness"]), io);
  } catch (e) {
    io.out(`error: ${(e as Error).message}`);
    return 2;
  }
}

function runBundle(a: ParsedArgs, io: Io): number {
  if (a.files.length !== 1) throw new Error(`one bundle file expected\n${USAGE}`);
  const bundles = parseBundleFile(text(io.readFile(a.files[0]!, MAX_BUNDLES_BYTES)));
  const keptPath = a.options.checkpoint?.[0];
  const kept = keptPath === undefined ? undefined : readKeptCheckpoint(keptPath, text(io.readFile(keptPath, 64 * 1024), keptPath));
  const attachmentFiles = a.options.attachment ?? [];
  if (attachmentFiles.length > 0 && bundles.length !== 1) throw new Error("--attachment checks files against one notice version: give a file with one bundle");
  const digests = attachmentFiles.map((file) => ({ file, ...io.digestFile(file) }));
  const key = a.options.key?.[0];
  if (key === undefined) io.out("note: no --key given; the steps below use the key inside the bundle, which cannot verify it (a forger puts in their own).");
  const policy = readPolicy(a.options, io, text);
  let failures = 0;
  let waiting = 0;
  let keyless = 0;
  for (const bundle of bundles) {
    checkPolicyLog(policy, key ?? bundle.log.verifierKey, io);
    if (kept !== undefined) checkKeptSignedBy(keptPath!, kept, bundle.checkpoint, bundle.log.origin, key ?? bundle.log.verifierKey);
    const results = verifyBundle(bundle, { ...(key ? { verifierKey: key } : {}), ...(kept ? { earlier: { checkpoint: kept } } : {}), ...(policy ? { policy } : {}) });
    io.out(`${bundle.notice} version ${bundle.version} (${bundle.kind}, ${bundle.agency}) — log entry ${bundle.entry.index}`);
    for (const r of results) io.out(formatStep(r));
    const unmatched = digests.length > 0 ? bundleAttachments(bundle, digests, io) : [];
    const verdict = summarize(results);
    const witnesses = results.find((r) => r.step === "witnesses");
    if (verdict.failedStep) {
      failures++;
      io.out(`FAILED at step: ${verdict.failedStep}`);
      // Only against a key given on the command line: the bundle's own key could have signed both.
      if (kept !== undefined && key !== undefined) reportTwoHistories(kept, bundle.checkpoint, { origin: bundle.log.origin, verifierKey: key }, policy, results, io);
    } else if (unmatched.length > 0) {
      failures++;
      io.out(`FAILED at step: attachments — ${unmatched.join(", ")} ${unmatched.length === 1 ? "is" : "are"} not an attachment of version ${bundle.version}`);
    } else if (key === undefined) {
      keyless++;
      io.out(`NOT VERIFIED: no --key given. ${neededKey(bundle.log)}`);
    } else if (verdict.waitingFor) {
      waiting++;
      io.out(`NOT VERIFIED: waiting for witnesses — not enough witnesses have cosigned this checkpoint yet (${witnesses?.detail ?? ""})`);
    } else {
      const cosigned = witnesses?.code === "quorum-met" ? ` — ${witnesses.detail}` : "";
      io.out(`VERIFIED${cosigned}${verdict.unchecked.length ? ` (not checked: ${verdict.unchecked.join(", ")})` : ""}`);
    }
  }
  if (bundles.length > 1) {
    const verified = bundles.length - failures - waiting - keyless;
    io.out(
      `${verified} of ${bundles.length} bundles verified${waiting ? `, ${waiting} waiting for witnesses` : ""}${keyless ? `, ${keyless} not verified for want of --key` : ""}`,
    );
  }
  return failures > 0 ? 1 : keyless > 0 ? 2 : waiting > 0 ? EXIT_WAITING : 0;
}

/** Which key to pass: named from the bundle's own statement of it, to be compared with one published elsewhere. */
function neededKey(log: { origin: string; verifierKey: string }): string {
  let named = "";
  try {
    const v = parseVerifierKey(log.verifierKey);
    named = ` (the bundle names key ${v.name}+${v.keyId.toString(16).padStart(8, "0")})`;
  } catch {
    // a malformed key in the bundle: the origin alone says which log's key is needed
  }
  return `Run again with --key <the verifier key of log ${log.origin}>${named}, taken from somewhere other than this file: the portal's About page, a newspaper, a witness.`;
}

function bundleAttachments(bundle: ProofBundle, digests: readonly { file: string; sha256: string; size: number }[], io: Io): string[] {
  const leaf = leafAttachments(bundle.entry.leaf);
  if (leaf === null) {
    // The content step has already failed on this leaf.
    io.out(`  ${MARK.skipped} ${"attachments".padEnd(11)} not checked: the log entry is not a notice version's leaf [not-reached]`);
    return [];
  }
  return checkAttachmentFiles(leaf.attachments, (i) => bundle.attachments[i]?.name, bundle.version, digests, io);
}

/**
 * One line per --attachment file against the leaf's attachments; returns the files that match
 * none. `name` gives a position's shown name: "" when withheld, undefined when not known.
 */
function checkAttachmentFiles(
  attachments: readonly { sha256: string; size: number }[],
  name: (position: number) => string | undefined,
  version: number,
  digests: readonly { file: string; sha256: string; size: number }[],
  io: Io,
): string[] {
  const unmatched: string[] = [];
  for (const m of matchAttachmentFiles(attachments, digests)) {
    const digest = `${m.size} bytes, sha256 ${m.sha256}`;
    if (m.positions.length === 0) {
      unmatched.push(m.file);
      io.out(`  ${MARK.failed} ${"attachments".padEnd(11)} ${m.file} (${digest}) matches no attachment of version ${version} (${attachments.length} logged) [attachment-mismatch]`);
      continue;
    }
    const names = m.positions.map((i) => {
      const shown = name(i);
      return `attachment ${i + 1} of ${attachments.length}${shown ? ` "${shown}"` : shown === "" ? " (name withheld)" : ""}`;
    });
    io.out(`  ${MARK.ok} ${"attachments".padEnd(11)} ${m.file} is ${names.join(" and ")} (${digest}) [attachment-match]`);
  }
  return unmatched;
}

function formatStep(r: StepResult): string {
  const lines = [`  ${MARK[r.status]} ${r.step.padEnd(11)} ${r.detail} [${r.code}]`];
  for (const w of r.withheld ?? []) lines.push(`       withheld: ${w.path} on ${w.at || "?"}, basis: ${w.basis}${w.logIndex === null ? "" : ` (log entry ${w.logIndex})`}`);
  for (const w of r.witnesses ?? []) lines.push(formatWitness(w));
  return lines.join("\n");
}

function runTlogProof(a: ParsedArgs, io: Io): number {
  const key = a.options.key?.[0];
  const entryFile = a.options.entry?.[0];
  if (a.files.length !== 1 || !key || !entryFile) throw new Error(`tlog-proof needs a proof file, --entry and --key\n${USAGE}`);
  const verifier = parseVerifierKey(key);
  const origin = a.options.origin?.[0] ?? verifier.name;
  const proofText = text(io.readFile(a.files[0]!, 80 * 1024));
  const entry = io.readFile(entryFile, 16 * 1024 * 1024);
  const policy = readPolicy(a.options, io, text);
  checkPolicyLog(policy, key, io);
  const attachmentFiles = a.options.attachment ?? [];
  // Only a Gongshi notice leaf commits attachments; any other log's entry cannot be asked about them.
  const leaf = attachmentFiles.length > 0 ? leafAttachments(entry) : null;
  if (attachmentFiles.length > 0 && leaf === null) throw new Error(`--attachment: ${entryFile} is not a Gongshi notice version's leaf, so it commits no attachments`);
  const digests = attachmentFiles.map((file) => ({ file, ...io.digestFile(file) }));
  try {
    const { checkpoint, proof, note } = verifyTlogProof(proofText, entry, origin, [verifier]);
    const proven = `entry ${proof.index} is in ${origin} at size ${checkpoint.size}, checkpoint signed by ${verifier.name}`;
    if (leaf !== null) {
      const unmatched = checkAttachmentFiles(leaf.attachments, () => undefined, leaf.version, digests, io);
      if (unmatched.length > 0) {
        io.out(`FAILED at step: attachments — ${proven}, but ${unmatched.join(", ")} ${unmatched.length === 1 ? "is" : "are"} not an attachment of it`);
        return 1;
      }
    }
    if (!policy) {
      io.out(`VERIFIED: ${proven}`);
      return 0;
    }
    // The cosignatures carried in the proof's checkpoint, under the same rules as a bundle's.
    const tally = tallyCosignatures(note.text, note.unverified, policy);
    for (const w of tally.reports) io.out(formatWitness(w));
    if (tally.invalid.length > 0) {
      io.out(`FAILED at step: witnesses — the cosignature(s) of ${tally.invalid.join(", ")} do not verify: forged or altered [bad-cosignature]`);
      return 1;
    }
    if (!tally.quorumMet) {
      io.out(
        `NOT VERIFIED: waiting for witnesses — ${proven}, but not enough witnesses have cosigned it: ${describeTally(tally)}; not yet cosigned by ${tally.missing.join(", ")}`,
      );
      return EXIT_WAITING;
    }
    io.out(`VERIFIED: ${proven}; ${describeTally(tally)}`);
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code ?? "error";
    const step = /signature|origin|key/.test(code)
      ? "signature"
      : code.startsWith("bad-tlog") || code.startsWith("bad-checkpoint") || code === "malformed-note"
        ? "format"
        : "inclusion";
    io.out(`FAILED at step: ${step} — ${(e as Error).message} [${code}]`);
    return 1;
  }
}

interface ParsedArgs {
  files: string[];
  options: Record<string, string[]>;
}

function parseArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { files: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      out.files.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    (out.options[name] ??= []).push(value);
  }
  return out;
}

function text(bytes: Uint8Array, path?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path ?? "file"} is not valid UTF-8`);
  }
}
