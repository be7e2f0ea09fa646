import "server-only";
/**
 * Cosignatures the origin relays for a checkpoint the mirror holds: each is kept only if it
 * verifies under the cosigner key it names, over that checkpoint's text. A line that does not
 * verify is the origin relaying garbage, not a statement about the log: it is skipped, counted,
 * and never served by the mirror.
 */
import { parseCosignatureVerifierKey, parseSignatureLine, verifyCosignatures, type CosignatureSigner } from "@/lib/core/log";
import type { SqlRunner } from "@/lib/server/log-service/tile-store";

export interface RelayedCosignature {
  witness: string;
  signature: string;
}

/** `text` is the checkpoint's note text (origin, size, root; what cosignatures sign). Returns how many lines were refused. */
export async function storeCosignatures(sql: SqlRunner, size: number, text: string, relayed: readonly RelayedCosignature[]): Promise<number> {
  let refused = 0;
  const rows: { witness: string; signature: string; timestamp: number }[] = [];
  for (const c of relayed) {
    let checked;
    try {
      const verifier = parseCosignatureVerifierKey(c.witness);
      checked = verifyCosignatures(text, [parseSignatureLine(c.signature)], [verifier]).valid[0];
    } catch {
      checked = undefined;
    }
    if (!checked) {
      refused++;
      continue;
    }
    rows.push({ witness: checked.verifier.cosignatureKey, signature: checked.line, timestamp: checked.timestamp });
  }
  await insertCosignatures(sql, size, rows);
  return refused;
}

/** The mirror's own cosignature on a checkpoint it now holds in full (cosignature/v1). */
export async function cosignAsMirror(sql: SqlRunner, size: number, text: string, cosigner: CosignatureSigner, now: Date): Promise<void> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const line = cosigner.cosign(text, timestamp).replace(/\n$/, "");
  await insertCosignatures(sql, size, [{ witness: cosigner.verifierKey, signature: line, timestamp }]);
}

async function insertCosignatures(sql: SqlRunner, size: number, rows: readonly { witness: string; signature: string; timestamp: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.$executeRawUnsafe(
    `INSERT INTO cosignature (checkpoint_size, witness, signature, "timestamp")
     SELECT $1, w, s, t FROM unnest($2::text[], $3::text[], $4::bigint[]) AS r(w, s, t)
     ON CONFLICT (checkpoint_size, witness) DO NOTHING`,
    BigInt(size),
    rows.map((r) => r.witness),
    rows.map((r) => r.signature),
    rows.map((r) => BigInt(r.timestamp)),
  );
}
