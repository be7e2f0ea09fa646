/**
 * C2SP tlog-policy files (https://c2sp.org/tlog-policy): which logs and witnesses are known,
 * and the quorum of witnesses whose cosignatures make a checkpoint trustworthy.
 *
 *   log <vkey> [<url>]
 *   witness <name> <vkey> [<url>]
 *   group <name> <k|all|any> <member>...
 *   quorum <name|none>
 *
 * Items are separated by spaces and tabs only; '#' starts a comment line. A name must be
 * defined before it is used (so groups cannot loop), may be a group member once, and `none`
 * is predefined for "no cosignatures needed". Two logs or two witnesses with the same public
 * key are refused: one key must not count twice toward a quorum under two names.
 * Every error names its line, so an operator can fix the file without guessing.
 */
import { FormatError } from "./errors";
import { parseVerifierKey, type NoteVerifier } from "./note-keys";
import { parseCosignatureVerifierKey, type CosignatureVerifier } from "./cosignature";
import { toHex } from "./encoding";

export const MAX_POLICY_BYTES = 64 * 1024;
const MAX_ENTRIES = 100;

export interface PolicyLog {
  readonly verifier: NoteVerifier;
  readonly url: string | null;
}

export interface PolicyWitness {
  /** The policy's own name for the witness (any text without spaces, e.g. 海平日报). */
  readonly name: string;
  readonly verifier: CosignatureVerifier;
  readonly url: string | null;
}

export interface PolicyGroup {
  readonly name: string;
  readonly threshold: number;
  readonly members: readonly string[];
}

export interface WitnessPolicy {
  readonly logs: readonly PolicyLog[];
  readonly witnesses: readonly PolicyWitness[];
  readonly groups: readonly PolicyGroup[];
  /** A witness's or group's name, or "none". */
  readonly quorum: string;
}

export function parseWitnessPolicy(text: string): WitnessPolicy {
  if (text.length > MAX_POLICY_BYTES) throw new FormatError("bad-policy", `policy is larger than ${MAX_POLICY_BYTES} bytes`);
  const logs: PolicyLog[] = [];
  const witnesses: PolicyWitness[] = [];
  const groups: PolicyGroup[] = [];
  const names = new Set<string>(["none"]);
  const keys = new Set<string>();
  let quorum: string | null = null;
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i) => {
    const fail = (why: string): never => {
      throw new FormatError("bad-policy", `policy line ${i + 1}: ${why}`);
    };
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) fail("control characters other than tab are not allowed");
    const items = line.split(/[ \t]+/).filter((item) => item !== "");
    if (items.length === 0 || items[0]!.startsWith("#")) return;
    const [keyword, ...args] = items as [string, ...string[]];
    // The quorum line is not an entry: it may follow the 100th wherever it stands.
    if (keyword !== "quorum" && logs.length + witnesses.length + groups.length >= MAX_ENTRIES) fail(`more than ${MAX_ENTRIES} entries`);
    const uniqueKey = (publicKey: Uint8Array, what: string) => {
      const id = `${what}:${toHex(publicKey)}`;
      if (keys.has(id)) fail(`this ${what} key is already listed`);
      keys.add(id);
    };
    switch (keyword) {
      case "log": {
        if (args.length < 1 || args.length > 2) fail("expected: log <vkey> [<url>]");
        const verifier = tryParse(() => parseVerifierKey(args[0]!), fail);
        // A 0x01 key parses as a witness key too; that is only to read its public key bytes.
        uniqueKey(parseCosignatureVerifierKey(args[0]!).publicKey, "log");
        logs.push({ verifier, url: args[1] ?? null });
        break;
      }
      case "witness": {
        if (args.length < 2 || args.length > 3) fail("expected: witness <name> <vkey> [<url>]");
        const name = args[0]!;
        if (names.has(name)) fail(`the name "${name}" is already defined`);
        const verifier = tryParse(() => parseCosignatureVerifierKey(args[1]!), fail);
        uniqueKey(verifier.publicKey, "witness");
        if (args[2] !== undefined && !isPlainHttpUrl(args[2])) fail(`the URL of witness ${name} is not a plain http(s) URL`);
        names.add(name);
        witnesses.push({ name, verifier, url: args[2] ?? null });
        break;
      }
      case "group": {
        if (args.length < 3) fail("expected: group <name> <k|all|any> <member>...");
        const [name, k, ...members] = args as [string, string, ...string[]];
        if (names.has(name)) fail(`the name "${name}" is already defined`);
        const seen = new Set<string>();
        for (const member of members) {
          if (member === "none") fail('"none" cannot be a group member');
          if (!names.has(member)) fail(`"${member}" is not defined on an earlier line`);
          if (seen.has(member)) fail(`"${member}" is listed twice`);
          seen.add(member);
        }
        const threshold = k === "all" ? members.length : k === "any" ? 1 : /^[1-9][0-9]{0,3}$/.test(k) ? Number(k) : fail(`"${k}" is not all, any or a number`);
        if (threshold < 1 || threshold > members.length) fail(`the threshold must be between 1 and ${members.length}`);
        names.add(name);
        groups.push({ name, threshold, members });
        break;
      }
      case "quorum": {
        if (args.length !== 1) fail("expected: quorum <name>");
        if (quorum !== null) fail("a policy has exactly one quorum line");
        if (!names.has(args[0]!)) fail(`"${args[0]}" is not defined on an earlier line`);
        quorum = args[0]!;
        break;
      }
      default:
        fail(`unknown keyword "${keyword}"`);
    }
  });
  if (quorum === null) throw new FormatError("bad-policy", "policy has no quorum line");
  return { logs, witnesses, groups, quorum };
}

/** True when the witnesses named in `cosigned` (policy names) satisfy the policy's quorum. */
export function quorumMet(policy: WitnessPolicy, cosigned: ReadonlySet<string>): boolean {
  return satisfied(policy, policy.quorum, cosigned);
}

function satisfied(policy: WitnessPolicy, name: string, cosigned: ReadonlySet<string>): boolean {
  if (name === "none") return true;
  const group = policy.groups.find((g) => g.name === name);
  if (group === undefined) return cosigned.has(name);
  return group.members.filter((member) => satisfied(policy, member, cosigned)).length >= group.threshold;
}

/** The witnesses the quorum can draw on at all (a witness outside every quorum group counts for nothing). */
export function quorumWitnesses(policy: WitnessPolicy): PolicyWitness[] {
  const reached = new Set<string>();
  const visit = (name: string) => {
    const group = policy.groups.find((g) => g.name === name);
    if (group === undefined) reached.add(name);
    else group.members.forEach(visit);
  };
  visit(policy.quorum);
  return policy.witnesses.filter((w) => reached.has(w.name));
}

function tryParse<T>(parse: () => T, fail: (why: string) => never): T {
  try {
    return parse();
  } catch (e) {
    return fail((e as Error).message);
  }
}

/**
 * A policy may name the logs it is for; if it does, it must name this one. A policy copied from
 * another log would otherwise send this log's checkpoints to its witnesses, and a verifier
 * built with it would count witnesses nobody asked.
 */
export function policyAllowsLog(policy: WitnessPolicy, verifierKey: string): boolean {
  return policy.logs.length === 0 || policy.logs.some((log) => log.verifier.key === verifierKey);
}

/** A witness's submission prefix: http(s), no credentials, query or fragment (they would be sent to, or hide, another place). */
function isPlainHttpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
}
