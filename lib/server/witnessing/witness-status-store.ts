import "server-only";
/**
 * The portal's records of each witness: cosignatures (append-only, verified before they get
 * here) and the witness_status row (what it last cosigned, its last error, backoff, evidence).
 * The size each witness cosigned only grows here, so two instances racing for one witness can
 * never move the record back.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export interface WitnessStatusRow {
  witness: string;
  name: string;
  cosignedSize: number | null;
  cosignedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  evidence: boolean;
  evidenceSize: number | null;
  failures: number;
  retryAt: Date | null;
}

/** A witness as the store knows it: its 0x04 vkey (the identity) and its policy name. */
export interface WitnessId {
  key: string;
  name: string;
}

type StoredStatus = Omit<WitnessStatusRow, "cosignedSize" | "evidenceSize"> & { cosignedSize: bigint | null; evidenceSize: bigint | null };

function statusRow(r: StoredStatus): WitnessStatusRow {
  return { ...r, cosignedSize: r.cosignedSize === null ? null : Number(r.cosignedSize), evidenceSize: r.evidenceSize === null ? null : Number(r.evidenceSize) };
}

export async function readWitnessStatuses(prisma: PrismaClient): Promise<Map<string, WitnessStatusRow>> {
  const rows = await prisma.witnessStatus.findMany();
  return new Map(rows.map((r) => [r.witness, statusRow(r)]));
}

/** One witness's row, by its 0x04 vkey; undefined before the portal first asked it. */
export async function readWitnessStatus(prisma: PrismaClient, key: string): Promise<WitnessStatusRow | undefined> {
  const row = await prisma.witnessStatus.findUnique({ where: { witness: key } });
  return row === null ? undefined : statusRow(row);
}

/** Stores a verified cosignature (idempotent) and clears the witness's error and evidence: it cosigned again. */
export async function recordCosignature(prisma: PrismaClient, witness: WitnessId, size: number, line: string, timestamp: number): Promise<void> {
  const cosignedAt = new Date(timestamp * 1000);
  await prisma.$transaction([
    prisma.$executeRaw`INSERT INTO cosignature (checkpoint_size, witness, signature, "timestamp")
      VALUES (${BigInt(size)}, ${witness.key}, ${line}, ${BigInt(timestamp)})
      ON CONFLICT (checkpoint_size, witness) DO NOTHING`,
    prisma.$executeRaw`INSERT INTO witness_status (witness, name, cosigned_size, cosigned_at, updated_at)
      VALUES (${witness.key}, ${witness.name}, ${BigInt(size)}, ${cosignedAt}, now())
      ON CONFLICT (witness) DO UPDATE SET
        name = EXCLUDED.name,
        cosigned_at = CASE WHEN witness_status.cosigned_size IS NULL OR EXCLUDED.cosigned_size >= witness_status.cosigned_size
                           THEN EXCLUDED.cosigned_at ELSE witness_status.cosigned_at END,
        cosigned_size = GREATEST(witness_status.cosigned_size, EXCLUDED.cosigned_size),
        last_error = NULL, last_error_at = NULL, evidence = false, evidence_size = NULL,
        failures = 0, retry_at = NULL, updated_at = now()`,
  ]);
}

/**
 * A failure worth retrying (time-out, network, 5xx, a witness that does not know the log yet).
 * Evidence already on record stays the visible last error: a flaky network must not hide a fork.
 */
export async function recordWitnessError(prisma: PrismaClient, witness: WitnessId, message: string, failures: number, retryAt: Date): Promise<void> {
  await prisma.$executeRaw`INSERT INTO witness_status (witness, name, last_error, last_error_at, failures, retry_at, updated_at)
    VALUES (${witness.key}, ${witness.name}, ${message}, now(), ${failures}, ${retryAt}, now())
    ON CONFLICT (witness) DO UPDATE SET
      name = EXCLUDED.name,
      last_error = CASE WHEN witness_status.evidence THEN witness_status.last_error ELSE EXCLUDED.last_error END,
      last_error_at = CASE WHEN witness_status.evidence THEN witness_status.last_error_at ELSE EXCLUDED.last_error_at END,
      failures = EXCLUDED.failures, retry_at = EXCLUDED.retry_at, updated_at = now()`;
}

export interface EvidenceInput {
  /** The checkpoint size the witness refused or answered wrongly about. */
  size: number;
  message: string;
  /** What the witness said, for the audit trail: status, content type, (truncated) body, old size sent. */
  answer: { status: number; contentType: string; body: string; oldSize: number };
}

/**
 * Evidence of a fork or a misbehaving witness: the audit trail gets it (with the witness's
 * answer), and the status row keeps it until the witness cosigns again. The checkpoint is not
 * sent to this witness again; a newer one is.
 */
export async function recordWitnessEvidence(prisma: PrismaClient, witness: WitnessId, evidence: EvidenceInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO witness_status (witness, name, last_error, last_error_at, evidence, evidence_size, failures, retry_at, updated_at)
      VALUES (${witness.key}, ${witness.name}, ${evidence.message}, now(), true, ${BigInt(evidence.size)}, 0, NULL, now())
      ON CONFLICT (witness) DO UPDATE SET
        name = EXCLUDED.name, last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at,
        evidence = true, evidence_size = EXCLUDED.evidence_size, failures = 0, retry_at = NULL, updated_at = now()`;
    await recordAuditEvent(tx, {
      actorUserId: null,
      action: "witness.evidence",
      subject: witness.name,
      detail: {
        witness: witness.name,
        witnessKey: witness.key,
        checkpointSize: evidence.size,
        message: evidence.message,
        oldSize: evidence.answer.oldSize,
        status: evidence.answer.status,
        contentType: evidence.answer.contentType.slice(0, 200),
        body: evidence.answer.body.slice(0, 4000),
      },
    });
  });
}
