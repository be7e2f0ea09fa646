import "server-only";
/**
 * `npm run log:audit`, everything it checks, in one place: the log replayed against itself
 * (audit-log.ts); the log against checkpoints it did not produce — the one the last audit saved
 * outside the database, witnesses' cosignatures, mirrors' copies; the rows the audit trail must
 * explain (notice versions, roles, agency assignments, API tokens, agency names) and the trail's
 * own ids and times; the search index rebuilt in memory. Only when all of it is clean is the
 * newest checkpoint saved for the next run to compare against.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { parseVerifierKey, type WitnessPolicy } from "@/lib/log";
import { checkAgencies } from "@/lib/audit/audit-agencies";
import { checkApiTokens } from "@/lib/audit/audit-api-tokens";
import { checkAuditEventSequence } from "@/lib/audit/audit-event-sequence";
import { checkPublishedVersions } from "@/lib/audit/audit-published-versions";
import { checkUserAccess } from "@/lib/audit/audit-user-access";
import { checkSearchIndex } from "@/lib/search/audit-search-index";
import { auditLog, type Discrepancy } from "./audit-log";
import { checkCosignatures } from "./audit-cosignatures";
import { checkMirror } from "./audit-mirrors";
import { checkSavedCheckpoint, saveCheckpoint } from "./audit-saved-checkpoint";

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

export async function auditDatabase(prisma: PrismaClient, options: AuditOptions): Promise<DatabaseAuditReport> {
  const { origin, verifierKey } = options;
  const verifier = parseVerifierKey(verifierKey);
  const log = await auditLog(prisma, origin, verifierKey);
  const discrepancies = [...log.discrepancies];
  if (options.checkpointFile) discrepancies.push(...(await checkSavedCheckpoint(options.checkpointFile, origin, verifier, log.tree)));
  discrepancies.push(...(await checkCosignatures(prisma, origin, verifier, log.tree, options.policy ?? null)));
  for (const url of options.mirrors ?? []) discrepancies.push(...(await checkMirror(url, origin, verifier, log.tree)));
  discrepancies.push(...(await checkPublishedVersions(prisma)));
  discrepancies.push(...(await checkAuditEventSequence(prisma)));
  discrepancies.push(...(await checkUserAccess(prisma)));
  discrepancies.push(...(await checkApiTokens(prisma)));
  discrepancies.push(...(await checkAgencies(prisma)));
  discrepancies.push(...(await checkSearchIndex(prisma)));
  let saved: number | null = null;
  if (options.checkpointFile && discrepancies.length === 0) {
    const newest = await prisma.checkpoint.findFirst({ orderBy: { size: "desc" }, select: { size: true, note: true } });
    if (newest) {
      await saveCheckpoint(options.checkpointFile, newest.note);
      saved = Number(newest.size);
    }
  }
  return { size: log.size, checkpoints: log.checkpoints, discrepancies, saved };
}
