/**
 * The offline verifier's logic, with file reading passed in so tests can call it directly.
 * No network, ever: what cannot be checked from the files given is said, not fetched.
 */
import { parseVerifierKey, verifyTlogProof } from "@/lib/log";
import { MAX_BUNDLES_BYTES, describeTally, parseBundleFile, summarize, tallyCosignatures, verifyBundle, type StepResult } from "@/lib/verify";
import { EXIT_WAITING, checkPolicyLog, formatWitness, readPolicy } from "./witness-output";

export const USAGE = `usage:
  gongshi-verify <bundle.json> [--key <verifier key>] [--checkpoint <kept-checkpoint.txt>] [--policy <tlog-policy file> | --witness <key>...]
  gongshi-verify tlog-proof <proof-file> --entry <entry-bytes-file> --key <verifier key> [--origin <origin>] [--policy <file> | --witness <key>...]
exit status: 0 verified, 1 failed, 2 bad input, 3 waiting for witnesses (the policy's quorum is not met)`;

export interface Io {
  readFile(path: string, maxBytes: number): Uint8Array;
  out(line: string): void;
}

const MARK = { ok: "ok  ", failed: "FAIL", skipped: "--  ", info: "i   ", waiting: "WAIT" } as const;

export function run(args: readonly string[], io: Io): number {
  try {
    if (args[0] === "tlog-proof") return runTlogProof(parseArgs(args.slice(1), ["entry", "key", "origin", "policy", "witness"]), io);
    return runBundle(parseArgs(args, ["key", "checkpoint", "policy", "witness"]), io);
  } catch (e) {
    io.out(`error: ${(e as Error).message}`);
    return 2;
  }
}

function runBundle(a: ParsedArgs, io: Io): number {
  if (a.files.length !== 1) throw new Error(`one bundle file expected\n${USAGE}`);
  const bundles = parseBundleFile(text(io.readFile(a.files[0]!, MAX_BUNDLES_BYTES)));
  const kept = a.options.checkpoint?.[0];
  const earlier = kept === undefined ? undefined : { checkpoint: text(io.readFile(kept, 64 * 1024)) };
  const key = a.options.key?.[0];
  if (key === undefined) {
    io.out("warning: no --key given; using the key inside the bundle, which only proves the bundle is self-consistent.");
    io.out("         Compare it with the key the log publishes (its /about page, a newspaper, a witness).");
  }
  const policy = readPolicy(a.options, io, text);
  let failures = 0;
  let waiting = 0;
  for (const bundle of bundles) {
    checkPolicyLog(policy, key ?? bundle.log.verifierKey, io);
    const results = verifyBundle(bundle, { ...(key ? { verifierKey: key } : {}), ...(earlier ? { earlier } : {}), ...(policy ? { policy } : {}) });
    io.out(`${bundle.notice} version ${bundle.version} (${bundle.kind}, ${bundle.agency}) — log entry ${bundle.entry.index}`);
    for (const r of results) io.out(formatStep(r));
    const verdict = summarize(results);
    const witnesses = results.find((r) => r.step === "witnesses");
    if (verdict.failedStep) {
      failures++;
      io.out(`FAILED at step: ${verdict.failedStep}`);
    } else if (verdict.waitingFor) {
      waiting++;
      io.out(`NOT VERIFIED: waiting for witnesses — not enough witnesses have cosigned this checkpoint yet (${witnesses?.detail ?? ""})`);
    } else {
      const cosigned = witnesses?.code === "quorum-met" ? ` — ${witnesses.detail}` : "";
      io.out(`VERIFIED${cosigned}${verdict.unchecked.length ? ` (not checked: ${verdict.unchecked.join(", ")})` : ""}`);
    }
  }
  if (bundles.length > 1) io.out(`${bundles.length - failures - waiting} of ${bundles.length} bundles verified${waiting ? `, ${waiting} waiting for witnesses` : ""}`);
  return failures > 0 ? 1 : waiting > 0 ? EXIT_WAITING : 0;
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
  try {
    const { checkpoint, proof, note } = verifyTlogProof(proofText, entry, origin, [verifier]);
    const proven = `entry ${proof.index} is in ${origin} at size ${checkpoint.size}, checkpoint signed by ${verifier.name}`;
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
      io.out(`NOT VERIFIED: waiting for witnesses — ${proven}, but not enough witnesses have cosigned it: ${describeTally(tally)}; not yet cosigned by ${tally.missing.join(", ")}`);
      return EXIT_WAITING;
    }
    io.out(`VERIFIED: ${proven}; ${describeTally(tally)}`);
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code ?? "error";
    const step = /signature|origin|key/.test(code) ? "signature" : code.startsWith("bad-tlog") || code.startsWith("bad-checkpoint") || code === "malformed-note" ? "format" : "inclusion";
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

function text(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("file is not valid UTF-8");
  }
}

