import "server-only";
/**
 * The auditor: replays the whole log from the database and trusts nothing stored about it.
 * Every leaf is rebuilt from the stored notice content and salts; the tree is rebuilt from
 * the leaf hashes; every stored tile, checkpoint root, signature, chain link and consistency
 * step is checked against the rebuilt tree. Each discrepancy is reported, not just the first.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import {
  appendLeafHashes,
  bytesEqual,
  canonicalJson,
  decodeLeaf,
  edgeTiles,
  fromBase64,
  hashLeaf,
  memoryTileReader,
  openCheckpoint,
  parseVerifierKey,
  proveConsistency,
  sha256Hash,
  tileHashReader,
  toBase64,
  treeHash,
  utf8,
  verifyConsistency,
  verifyFieldCommitments,
  type Hash,
  type TileData,
} from "@/lib/core/log";
import { redactionsForEntries, versionForEntries } from "./audit-queries";
import { rebuiltTree, type RebuiltTree } from "./audit-tree";

export interface Discrepancy {
  where: string;
  message: string;
}

export interface AuditReport {
  size: number;
  checkpoints: number;
  discrepancies: Discrepancy[];
  /** The tree rebuilt from the stored leaves, for the checks against outside checkpoints. */
  tree: RebuiltTree;
}

const PAGE = 5000;

export async function auditLog(prisma: Prisma.TransactionClient, origin: string, verifierKey: string): Promise<AuditReport> {
  const problems: Discrepancy[] = [];
  const report = (where: string, message: string) => problems.push({ where, message });
  const tiles = new Map<string, TileData>();
  let size = 0;
  const versionIndex = new Map<string, number>(); // "<notice>/<version>" → log index

  for (let start = 0; ; start += PAGE) {
    const entries = await prisma.logEntry.findMany({
      where: { index: { gte: BigInt(start), lt: BigInt(start + PAGE) } },
      orderBy: { index: "asc" },
    });
    if (entries.length === 0) break;
    const versions = await versionForEntries(
      prisma,
      entries.map((e) => e.noticeVersionId).filter((id): id is bigint => id !== null),
    );
    const redactions = await redactionsForEntries(
      prisma,
      entries.map((e) => e.redactionId).filter((id): id is bigint => id !== null),
    );
    const hashes: Hash[] = [];
    for (const entry of entries) {
      const index = Number(entry.index);
      if (index !== size) report(`entry ${size}`, `missing; next stored entry is ${index}`);
      const leafHash = hashLeaf(entry.leaf);
      if (!bytesEqual(leafHash, entry.leafHash)) report(`entry ${index}`, "stored leaf hash is not the hash of the stored leaf");
      checkLeaf(index, entry, versions, redactions, versionIndex, report);
      hashes.push(leafHash);
      size = index + 1;
    }
    const edge = edgeTiles(size - hashes.length).map((t) => tiles.get(`${t.level}/${t.n}`)!.data.subarray(0, t.width * 32));
    for (const t of appendLeafHashes(size - hashes.length, edge, hashes)) tiles.set(`${t.tile.level}/${t.tile.n}`, t);
  }

  await checkStoredTiles(prisma, tiles, report);
  const checkpoints = await checkChain(prisma, origin, verifierKey, size, tiles, report);
  // Every stored version is either in the log or still queued; anything else was lost.
  const lost = await prisma.$queryRawUnsafe<{ notice_id: string; version: number }[]>(
    `SELECT v.notice_id, v.version FROM notice_version v
     WHERE NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.notice_version_id = v.id)
       AND NOT EXISTS (SELECT 1 FROM log_queue q WHERE q.notice_version_id = v.id)`,
  );
  for (const v of lost) report(`notice ${v.notice_id} version ${v.version}`, "neither in the log nor waiting for it");
  const lostRedactions = await prisma.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT r.id FROM redaction r
     WHERE NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.redaction_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM redaction_queue q WHERE q.redaction_id = r.id)`,
  );
  for (const r of lostRedactions) report(`redaction ${r.id}`, "neither in the log nor waiting for it");
  return { size, checkpoints, discrepancies: problems, tree: rebuiltTree(size, tiles) };
}

function checkLeaf(
  index: number,
  entry: { leaf: Uint8Array; noticeVersionId: bigint | null; redactionId: bigint | null; loggedAt: Date },
  versions: Awaited<ReturnType<typeof versionForEntries>>,
  redactions: Awaited<ReturnType<typeof redactionsForEntries>>,
  versionIndex: Map<string, number>,
  report: (where: string, message: string) => void,
): void {
  let leaf;
  try {
    leaf = decodeLeaf(entry.leaf);
  } catch (e) {
    report(`entry ${index}`, `leaf does not decode: ${(e as Error).message}`);
    return;
  }
  if (leaf.kind === "redact") {
    const where = `entry ${index} (redaction of entry ${leaf.target})`;
    const r = entry.redactionId === null ? undefined : redactions.get(entry.redactionId);
    if (!r) return report(where, "no stored redaction for this entry");
    if (r.noticeId !== leaf.notice || r.agencyId !== leaf.agency || r.target !== leaf.target) {
      report(where, `leaf names ${leaf.agency}/${leaf.notice} entry ${leaf.target}, stored redaction is of ${r.agencyId}/${r.noticeId} entry ${r.target}`);
    }
    if (leaf.target >= index) report(where, "a redaction must follow the entry it redacts");
    if (JSON.stringify(r.withhold) !== JSON.stringify(leaf.withhold)) report(where, "stored withheld fields differ from the logged ones");
    if (r.basis !== leaf.basis) report(where, "stored legal basis differs from the logged one");
    if (entry.loggedAt.toISOString() !== leaf.loggedAt) report(where, "stored log time differs from the leaf's");
    return;
  }
  const v = entry.noticeVersionId === null ? undefined : versions.get(entry.noticeVersionId);
  const where = `entry ${index} (notice ${leaf.notice} version ${leaf.version})`;
  if (!v) return report(where, "no stored notice version for this entry");
  if (v.noticeId !== leaf.notice || v.version !== leaf.version || v.kind !== leaf.kind || v.agencyId !== leaf.agency) {
    report(where, `leaf names ${leaf.agency}/${leaf.notice} v${leaf.version} ${leaf.kind}, stored version is ${v.agencyId}/${v.noticeId} v${v.version} ${v.kind}`);
  }
  if (entry.loggedAt.toISOString() !== leaf.loggedAt) report(where, "stored log time differs from the leaf's");
  const expected = leaf.version === 1 ? null : (versionIndex.get(`${leaf.notice}/${leaf.version - 1}`) ?? "no earlier entry");
  if (leaf.supersedes !== expected) report(where, `supersedes ${leaf.supersedes}, but the version before is at ${expected}`);
  versionIndex.set(`${leaf.notice}/${leaf.version}`, index);
  const values: Record<string, string> = { ...(v.fields as Record<string, string>) };
  const salts: Record<string, Uint8Array> = {};
  for (const [name, b64] of Object.entries(v.salts as Record<string, string>)) salts[name] = fromBase64(b64);
  v.attachments.forEach((a, i) => {
    values[`attachments/${i}/name`] = a.fileName;
    salts[`attachments/${i}/name`] = a.nameSalt;
    const stored = leaf.attachments[i];
    if (!stored || stored.sha256 !== a.sha256 || stored.size !== a.size || a.actualSha256 !== a.sha256 || a.actualSize !== a.size) {
      report(where, `attachment ${i} (${a.fileName}) does not match its logged SHA-256 and size`);
    }
  });
  if (leaf.attachments.length !== v.attachments.length) report(where, `leaf has ${leaf.attachments.length} attachments, stored version ${v.attachments.length}`);
  const { mismatched } = verifyFieldCommitments(leaf, values, salts);
  for (const path of mismatched) report(where, `field "${path}" does not match its commitment in the log`);
  // The committer builds a leaf from the commitments stored with its version, when there are
  // any (lib/server/log-service/version-leaf.ts); the leaf was checked against the plaintext above,
  // so the stored commitments must be the leaf's too.
  if (v.commitments !== null && canonicalJson(v.commitments) !== canonicalJson(leaf.fields)) {
    report(where, "stored field commitments differ from the logged ones");
  }
}

async function checkStoredTiles(prisma: Prisma.TransactionClient, rebuilt: Map<string, TileData>, report: (w: string, m: string) => void) {
  const stored = await prisma.treeTile.findMany();
  for (const row of stored) {
    const key = `${row.level}/${row.n}`;
    const mine = rebuilt.get(key);
    if (!mine || mine.data.length < row.data.length || !bytesEqual(mine.data.subarray(0, row.data.length), row.data)) {
      report(`tile ${key} width ${row.width}`, "stored tile differs from the tile rebuilt from the leaves");
    }
  }
}

async function checkChain(
  prisma: Prisma.TransactionClient,
  origin: string,
  verifierKey: string,
  size: number,
  tiles: Map<string, TileData>,
  report: (w: string, m: string) => void,
): Promise<number> {
  const verifier = parseVerifierKey(verifierKey);
  const rows = await prisma.checkpoint.findMany({ orderBy: { size: "asc" } });
  const reader = (n: number) => tileHashReader(n, memoryTileReader(tiles.values()));
  let prev: { size: number; root: Hash; note: string } | null = null;
  for (const row of rows) {
    const where = `checkpoint ${row.size}`;
    let cp;
    try {
      cp = openCheckpoint(row.note, origin, [verifier]).checkpoint;
    } catch (e) {
      report(where, `signature or format invalid: ${(e as Error).message}`);
      continue;
    }
    if (cp.size !== Number(row.size)) report(where, `signed size ${cp.size} differs from the stored size`);
    if (cp.size > size) {
      report(where, `covers ${cp.size} entries but the log holds ${size}`);
      continue;
    }
    const root = await treeHash(cp.size, reader(cp.size));
    if (!bytesEqual(root, cp.rootHash)) report(where, "signed root differs from the root rebuilt from the entries");
    if (!bytesEqual(row.rootHash, cp.rootHash)) report(where, "stored root differs from the signed root");
    const expectedPrev = prev ? toBase64(sha256Hash(utf8(prev.note))) : null;
    if (row.prevHash !== expectedPrev) report(where, "chain link (prevHash) does not match the previous checkpoint");
    if (prev) {
      try {
        verifyConsistency(prev.size, cp.size, await proveConsistency(prev.size, cp.size, reader(cp.size)), prev.root, cp.rootHash);
      } catch (e) {
        report(where, `not consistent with checkpoint ${prev.size}: ${(e as Error).message}`);
      }
    }
    prev = { size: cp.size, root: cp.rootHash, note: row.note };
  }
  if (prev && prev.size !== size) report("log", `the latest checkpoint covers ${prev.size} of ${size} entries`);
  return rows.length;
}
