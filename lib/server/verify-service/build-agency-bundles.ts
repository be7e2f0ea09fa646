import "server-only";
/**
 * Bundles for every committed version of an agency's notices, in log order, a page at a time.
 * Capped because each bundle costs an inclusion proof and may carry a long body; `next`
 * continues after the last log index returned, so the pages stay stable while the log grows.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { BUNDLES_FORMAT, type ProofBundles } from "@/lib/core/verify";
import { notFound } from "@/lib/server/api/errors";
import { getNotice, type NoticeDto } from "@/lib/server/notices/get-notice";
import { bundleCheckpoints, versionBundle, type BundleConfig } from "./build-proof-bundle";

export const AGENCY_BUNDLE_CAP = 100;
const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function buildAgencyBundles(prisma: PrismaClient, config: BundleConfig, agencyId: string, after?: number): Promise<ProofBundles> {
  if (!AGENCY_ID.test(agencyId) || !(await prisma.agency.findUnique({ where: { id: agencyId }, select: { id: true } }))) {
    throw notFound(`no agency ${agencyId.slice(0, 80)}`);
  }
  const checkpoints = await bundleCheckpoints(prisma, config);
  const cp = checkpoints.head;
  const entries = await prisma.logEntry.findMany({
    where: {
      index: { lt: BigInt(cp.size), ...(after === undefined ? {} : { gt: BigInt(after) }) },
      noticeVersion: { notice: { agencyId } },
    },
    orderBy: { index: "asc" },
    take: AGENCY_BUNDLE_CAP + 1,
    select: { index: true },
  });
  const page = entries.slice(0, AGENCY_BUNDLE_CAP).map((e) => Number(e.index));
  const notices = new Map<string, NoticeDto>();
  const bundles = [];
  for (const index of page) {
    const owner = await prisma.noticeVersion.findFirstOrThrow({ where: { logEntry: { index: BigInt(index) } }, select: { noticeId: true } });
    let notice = notices.get(owner.noticeId);
    if (!notice) notices.set(owner.noticeId, (notice = await getNotice(prisma, owner.noticeId)));
    const v = notice.versions.find((candidate) => candidate.log?.index === index);
    if (v) bundles.push(await versionBundle(prisma, config, checkpoints.pick(index), notice, v));
  }
  const last = page.at(-1);
  const next = entries.length > AGENCY_BUNDLE_CAP && last !== undefined ? `/api/v1/agencies/${agencyId}/bundle?after=${last}` : null;
  return { format: BUNDLES_FORMAT, bundles, next };
}
