import "server-only";
/**
 * `npm run log:audit`, everything it checks, in one place: the log replayed against itself
 * (audit-log.ts); the log against checkpoints it did not produce — the one the last audit saved
 * outside the database, witnesses' cosignatures, mirrors' copies; the rows the audit trail must
 * explain (notice versions, roles, agency assignments, API tokens, agency names) and the trail's
 * own ids and times; the search index rebuilt in memory. Only when all of it is clean is the
 * newest checkpoint saved for the next run to compare against.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { parseVerifierKey, type WitnessPolicy } from "@/lib/core/log";
import { checkAgencies } from "@/lib/server/audit/audit-agencies";
import { checkApiTokens } from "@/lib/server/audit/audit-api-tokens";
import { checkAuditEventSequence, issuedAuditEventIds } from "@/lib/server/audit/audit-event-sequence";
import { checkPublishedVersions } from "@/lib/server/audit/audit-published-versions";
import { checkUserAccess } from "@/lib/server/audit/audit-user-access";
import { checkSearchIndex } from "@/lib/server/search/audit-search-index";
import { auditLog, type Discrepancy } from "./audit-log";
import { checkCosignatures } from "./audit-cosignatures";
import { checkMirror, fetchMirrorCheckpoint } from "./audit-mirrors";
import { checkSavedCheckpoint, readSavedCheckpoint, saveCheckpoint } from "./audit-saved-checkpoint";
import { latestCheckpoint } from "./latest-checkpoint";

export interface AuditOptions {
  origin: string;
  verifierKey: string;
  /** The checkpoint file kept outside the database (--checkpoint). */
  checkpointFile?: string;
  /** Mirrors' base URLs (--mirror). */
  mirrors?: readonly string[];
  /** LOG_WITNESS_POLICY, parsed; null when none is configured. */
  policy?: WitnessPolicy | null;
}

export interface DatabaseAuditReport {
  size: number;
  checkpoints: number;
  discrepancies: Discrepancy[];
  /** The size of the checkpoint written to the checkpoint file, when one was. */
  saved: number | null;
}

/** Long enough for a log of millions of entries; the snapshot is read-only, so it blocks no writer. */
const AUDIT_TIMEOUT_MS = 6 * 60 * 60 * 1000;

export async function auditDatabase(prisma: PrismaClient, options: AuditOptions): Promise<DatabaseAuditReport> {
  const { origin, verifierKey } = options;
  const verifier = parseVerifierKey(verifierKey);
  // Read before the snapshot is taken: whatever they show, the database held by then, so a
  // commit made while the audit runs cannot make a mirror look ahead of the log.
  const previous = options.checkpointFile ? await readSavedCheckpoint(options.checkpointFile) : null;
  const mirrors = await Promise.all((options.mirrors ?? []).map((url) => fetchMirrorCheckpoint(url)));
  const issued = await issuedAuditEventIds(prisma);
  // One read-only snapshot for every check, so rows committed meanwhile are neither half-seen
  // nor reported as discrepancies.
  const audited = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const log = await auditLog(tx, origin, verifierKey);
      const discrepancies = [...log.discrepancies];
      if (previous) discrepancies.push(...(await checkSavedCheckpoint(previous, origin, verifier, log.tree)));
      discrepancies.push(...(await checkCosignatures(tx, origin, verifier, log.tree, options.policy ?? null)));
      for (const fetched of mirrors) discrepancies.push(...(await checkMirror(fetched, origin, verifier, log.tree)));
      discrepancies.push(...(await checkPublishedVersions(tx)));
      discrepancies.push(...(await checkUserAccess(tx)));
      discrepancies.push(...(await checkApiTokens(tx)));
      discrepancies.push(...(await checkAgencies(tx)));
      discrepancies.push(...(await checkSearchIndex(tx)));
      // The newest checkpoint of this snapshot: the tree just audited, not one committed since.
      const newest = await latestCheckpoint(tx);
      return { size: log.size, checkpoints: log.checkpoints, discrepancies, newest };
    },
    { isolationLevel: "RepeatableRead", timeout: AUDIT_TIMEOUT_MS, maxWait: 60_000 },
  );
  // Outside the snapshot, read fresh: see checkAuditEventSequence.
  const discrepancies = [...audited.discrepancies, ...(await checkAuditEventSequence(prisma, issued))];
  let saved: number | null = null;
  if (options.checkpointFile && discrepancies.length === 0 && audited.newest) {
    await saveCheckpoint(options.checkpointFile, audited.newest.note);
    saved = audited.newest.size;
  }
  return { size: audited.size, checkpoints: audited.checkpoints, discrepancies, saved };
}
