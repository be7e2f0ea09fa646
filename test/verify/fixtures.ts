/**
 * Real data for verifier tests, built only with lib/core/log: a small log of notice leaves with
 * a signed checkpoint, and a proof bundle for one version in it. Deterministic salts keep
 * failures reproducible; the signing key is fresh per call unless one is passed in.
 */
import {
  attachmentDigest,
  buildNoticeLeaf,
  encodeLeaf,
  formatHash,
  generateKey,
  hashLeaf,
  parseSignerKey,
  proveConsistency,
  proveInclusion,
  sha256Hash,
  signCheckpoint,
  toBase64,
  treeHash,
  utf8,
  type NoteSigner,
} from "@/lib/core/log";
import { createBundle, type ProofBundle } from "@/lib/core/verify";
import { TileLog } from "../log/helpers";

export const ORIGIN = "verify.gongshi.example/log";

const salt = (label: string) => sha256Hash(utf8(`gongshi verify test salt/${label}`));

const ATTACHMENT_BYTES = utf8("%PDF-1.4\n% 海平市滨江路规划图 test file\n%%EOF\n");

export const SAMPLE = {
  notice: "HP-2026-005",
  agency: "hp-planning",
  fields: { title: "关于海平市滨江路规划调整的公示", body: "正文第一段。\n\n第二段：公示期 30 日。", number: "海规〔2026〕5号", category: "城乡规划" },
  attachment: { name: "规划图.pdf", ...attachmentDigest(ATTACHMENT_BYTES) },
  /** The attachment's file, for checks that hash a file (gongshi-verify --attachment). */
  attachmentBytes: ATTACHMENT_BYTES,
};

export interface SampleLog {
  bundle: ProofBundle;
  signer: NoteSigner;
  signerKey: string;
  verifierKey: string;
  /** A checkpoint of the same log at size 3, and the consistency proof 3 → bundle's size. */
  earlier: { checkpoint: string; proof: string[] };
  log: TileLog;
}

/**
 * A log of 8 entries: filler notices at 0..4 and 6..7, the sample notice version 1 at 5.
 * `withhold` names commitment paths withheld by a redaction (their values and salts left out).
 */
export async function sampleLog(options: { withhold?: string[]; signerKey?: string; fillerSeed?: string } = {}): Promise<SampleLog> {
  const signerKey = options.signerKey ?? generateKey(ORIGIN).signerKey;
  const signer = parseSignerKey(signerKey);
  const index = 5;
  const fields: Record<string, string> = SAMPLE.fields;
  const salts = Object.fromEntries(Object.keys(fields).map((name) => [name, salt(`${index}/${name}`)]));
  const nameSalt = salt(`${index}/attachments/0/name`);
  const loggedAt = "2026-03-01T08:00:00.000Z";
  const target = encodeLeaf(
    buildNoticeLeaf({
      kind: "publish",
      agency: SAMPLE.agency,
      notice: SAMPLE.notice,
      version: 1,
      loggedAt,
      supersedes: null,
      fields,
      salts,
      attachments: [{ ...SAMPLE.attachment, nameSalt }],
    }),
  );
  const leaves = Array.from({ length: 8 }, (_, i) => (i === index ? target : filler(i, options.fillerSeed ?? "")));
  const log = new TileLog();
  log.append(leaves.map((l) => hashLeaf(l)));

  const checkpoint = await checkpointAt(log, 8, signer);
  const inclusionProof = (await proveInclusion(index, 8, log.reader())).map(formatHash);
  const withhold = new Set(options.withhold ?? []);
  const shown = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([name]) => !withhold.has(name)));
  const bundle = createBundle({
    notice: SAMPLE.notice,
    agency: SAMPLE.agency,
    version: 1,
    kind: "publish",
    loggedAt,
    fields: shown(fields),
    salts: shown(Object.fromEntries(Object.entries(salts).map(([n, s]) => [n, toBase64(s)]))),
    attachments: [
      withhold.has("attachments/0/name")
        ? { sha256: SAMPLE.attachment.sha256, size: SAMPLE.attachment.size, name: "", nameSalt: "" }
        : { sha256: SAMPLE.attachment.sha256, size: SAMPLE.attachment.size, name: SAMPLE.attachment.name, nameSalt: toBase64(nameSalt) },
    ],
    withheld: [...withhold].map((path) => ({ path, basis: "《个人信息保护法》第十三条", at: "2026-04-01T02:15:30.500Z", logIndex: 7 })),
    log: { origin: ORIGIN, verifierKey: signer.verifierKey },
    entry: { index, leaf: toBase64(target), leafHash: formatHash(hashLeaf(target)) },
    checkpoint,
    inclusionProof,
  });
  const earlier = { checkpoint: await checkpointAt(log, 3, signer), proof: (await proveConsistency(3, 8, log.reader())).map(formatHash) };
  return { bundle, signer, signerKey, verifierKey: signer.verifierKey, earlier, log };
}

export async function checkpointAt(log: TileLog, size: number, signer: NoteSigner, origin = ORIGIN): Promise<string> {
  return signCheckpoint({ origin, size, rootHash: await treeHash(size, log.reader(size)), extensions: [] }, signer);
}

function filler(i: number, seed: string): Uint8Array {
  const fields = { title: `第${i}号公示${seed}` };
  return encodeLeaf(
    buildNoticeLeaf({
      kind: "publish",
      agency: "hp-planning",
      notice: `HP-2026-F${i}`,
      version: 1,
      loggedAt: "2026-02-01T00:00:00.000Z",
      supersedes: null,
      fields,
      salts: { title: salt(`filler/${i}`) },
      attachments: [],
    }),
  );
}

/** A deep copy to mutate. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A tampered bundle with its tlog-proof copy redone to match, as a careful forger would. */
export function resealed(bundle: ProofBundle): ProofBundle {
  // Unused on purpose: left out of `parts` so createBundle makes them anew.
  const { format, tlogProof, ...parts } = bundle;
  return createBundle(parts);
}
