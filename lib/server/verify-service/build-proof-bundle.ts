import "server-only";
/**
 * Proof bundles (docs/proof-bundle.md) for committed notice versions: the content and salts
 * as the notice page serves them (withheld fields stay withheld), the leaf bytes, and an
 * inclusion proof at the checkpoint lib/server/verify-service/bundle-checkpoints.ts picks (the newest
 * one witnessed by the policy's quorum that covers the version, else the newest), with the
 * witnesses' cosignatures.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { formatHash, toBase64, type Hash, type WitnessPolicy } from "@/lib/core/log";
import { createBundle, type ProofBundle } from "@/lib/core/verify";
import { ApiError, notFound } from "@/lib/server/api/errors";
import { getNotice, type NoticeDto, type NoticeVersionDto } from "@/lib/server/notices/get-notice";
import type { CheckpointRow } from "@/lib/server/log-service/latest-checkpoint";
import { getInclusionProof } from "@/lib/server/log-service/get-inclusion-proof";
import { getConsistencyProof } from "@/lib/server/log-service/get-consistency-proof";
import { witnessPolicy } from "@/lib/server/witnessing/witness-policy";
import { readBundleCheckpoints, type BundleCheckpoints } from "./bundle-checkpoints";

export type BundleConfig = Pick<LogConfig, "origin" | "verifierKey"> & {
  /** The witness policy; LOG_WITNESS_POLICY's when left out. */
  policy?: WitnessPolicy | null;
};

/** The two checkpoints bundles may prove against (see bundle-checkpoints.ts). */
export function bundleCheckpoints(prisma: PrismaClient, config: BundleConfig): Promise<BundleCheckpoints> {
  return readBundleCheckpoints(prisma, config.policy === undefined ? witnessPolicy() : config.policy);
}

export interface BundleOptions {
  /** Include a consistency proof from this earlier tree size to the checkpoint's. */
  from?: number;
}

/** One version's bundle; 404 for an unknown notice or version, 409 while it is pending. */
export async function buildProofBundle(prisma: PrismaClient, config: BundleConfig, noticeId: string, version: number, options: BundleOptions = {}): Promise<ProofBundle> {
  const notice = await getNotice(prisma, noticeId);
  const v = notice.versions.find((candidate) => candidate.version === version);
  if (!v) throw notFound(`notice ${noticeId} has no version ${version}`);
  if (v.status !== "committed" || !v.log) {
    throw new ApiError("conflict", `version ${version} of notice ${noticeId} is pending: no signed checkpoint covers it yet`);
  }
  const cp = (await bundleCheckpoints(prisma, config)).pick(v.log.index, options.from);
  const consistency = await consistencyFrom(prisma, cp, options.from);
  return versionBundle(prisma, config, cp, notice, v, consistency);
}

/** Every committed version of one notice; 409 when none is committed yet. */
export async function buildNoticeBundles(prisma: PrismaClient, config: BundleConfig, noticeId: string, options: BundleOptions = {}): Promise<ProofBundle[]> {
  const notice = await getNotice(prisma, noticeId);
  const committed = notice.versions.filter((v) => v.status === "committed" && v.log);
  if (committed.length === 0) throw new ApiError("conflict", `notice ${noticeId} has no version in a signed checkpoint yet`);
  const checkpoints = await bundleCheckpoints(prisma, config);
  const consistency = new Map<number, Awaited<ReturnType<typeof consistencyFrom>>>();
  const bundles: ProofBundle[] = [];
  for (const v of committed) {
    const cp = checkpoints.pick(v.log!.index, options.from);
    if (!consistency.has(cp.size)) consistency.set(cp.size, await consistencyFrom(prisma, cp, options.from));
    bundles.push(await versionBundle(prisma, config, cp, notice, v, consistency.get(cp.size)));
  }
  return bundles;
}

export async function versionBundle(
  prisma: PrismaClient,
  config: BundleConfig,
  cp: CheckpointRow,
  notice: NoticeDto,
  v: NoticeVersionDto,
  consistency?: { from: number; proof: string[] },
): Promise<ProofBundle> {
  const log = v.log!;
  // getNotice and the checkpoint are two reads; a version it calls committed is below any later checkpoint too.
  const entry = await prisma.logEntry.findUniqueOrThrow({ where: { index: BigInt(log.index) }, select: { leaf: true, leafHash: true } });
  const proof = await getInclusionProof(prisma, log.index, cp.size);
  return createBundle({
    notice: notice.id,
    agency: notice.agency.id,
    version: v.version,
    kind: v.kind,
    loggedAt: log.loggedAt,
    fields: v.fields,
    salts: v.salts,
    attachments: v.attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: a.fileName, nameSalt: a.nameSalt })),
    withheld: v.withheld,
    log: { origin: config.origin, verifierKey: config.verifierKey },
    entry: { index: log.index, leaf: toBase64(entry.leaf), leafHash: formatHash(entry.leafHash as Hash) },
    checkpoint: cp.note,
    inclusionProof: proof.hashes,
    ...(consistency ? { consistency } : {}),
  });
}

export async function consistencyFrom(prisma: PrismaClient, cp: CheckpointRow, from: number | undefined) {
  if (from === undefined) return undefined;
  if (from > cp.size) throw new ApiError("bad-request", `from ${from} is larger than the latest checkpoint (${cp.size})`);
  const proof = await getConsistencyProof(prisma, from, cp.size);
  return { from, proof: proof.hashes };
}
