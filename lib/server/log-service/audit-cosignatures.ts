import "server-only";
/**
 * Witness cosignatures as the auditor sees them: each stored line must verify, under the
 * witness key stored with it, on the checkpoint text the log signed at that size. A witness
 * promises it saw that tree and every earlier one consistent with it, so a cosignature on a
 * checkpoint the log no longer holds is evidence that the log was cut back or rewritten: when
 * the row is gone the text is rebuilt from the tree the log now holds at that size, and a
 * cosignature that no longer verifies on it names a rewritten history.
 *
 * With a witness policy (LOG_WITNESS_POLICY), each policy witness's status row, which says
 * what it last cosigned, must be backed by a stored cosignature on a tree the log contains.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import {
  formatCheckpoint,
  openCheckpoint,
  parseCosignatureVerifierKey,
  parseSignatureLine,
  verifyCosignatures,
  type CosignatureVerifier,
  type NoteVerifier,
  type WitnessPolicy,
} from "@/lib/core/log";
import type { Discrepancy } from "./audit-log";
import type { RebuiltTree } from "./audit-tree";

export async function checkCosignatures(
  prisma: Prisma.TransactionClient,
  origin: string,
  verifier: NoteVerifier,
  tree: RebuiltTree,
  policy: WitnessPolicy | null,
): Promise<Discrepancy[]> {
  const problems: Discrepancy[] = [];
  const rows = await prisma.cosignature.findMany({ orderBy: { id: "asc" } });
  const sizes = [...new Set(rows.map((r) => r.checkpointSize))];
  const notes = new Map((await prisma.checkpoint.findMany({ where: { size: { in: sizes } }, select: { size: true, note: true } })).map((c) => [c.size, c.note]));
  for (const row of rows) {
    const size = Number(row.checkpointSize);
    let witness: CosignatureVerifier;
    try {
      witness = parseCosignatureVerifierKey(row.witness);
    } catch (e) {
      problems.push({ where: `cosignature ${row.id} on checkpoint ${size}`, message: `the stored witness key is not one: ${(e as Error).message}` });
      continue;
    }
    const where = `cosignature ${row.id} by ${witness.name} on checkpoint ${size}`;
    const report = (message: string) => problems.push({ where, message });
    let text: string;
    const note = notes.get(row.checkpointSize);
    if (note !== undefined) {
      try {
        text = openCheckpoint(note, origin, [verifier]).note.text;
      } catch {
        continue; // the checkpoint itself is reported by the chain check
      }
    } else if (size > tree.size) {
      report(`the witness cosigned a tree of ${size} entries, but the log holds ${tree.size} and no checkpoint of that size: the log was rolled back`);
      continue;
    } else {
      text = formatCheckpoint({ origin, size, rootHash: await tree.rootAt(size), extensions: [] });
    }
    let valid;
    try {
      valid = verifyCosignatures(text, [parseSignatureLine(row.signature)], [witness]).valid;
    } catch (e) {
      report(`the stored line is not a signature line: ${(e as Error).message}`);
      continue;
    }
    if (note === undefined) {
      report(
        valid.length > 0
          ? "the log no longer stores the checkpoint this witness cosigned (its cosignature still verifies on the tree the log holds at that size)"
          : "the log no longer stores the checkpoint this witness cosigned, and the cosignature does not verify on the tree the log now holds at that size: the log was rewritten",
      );
      continue;
    }
    if (valid.length === 0) report("does not verify on the stored checkpoint under the stored witness key");
    else if (row.timestamp !== null && BigInt(valid[0]!.timestamp) !== row.timestamp) report(`stored time ${row.timestamp} differs from the signed time ${valid[0]!.timestamp}`);
  }
  if (policy) problems.push(...(await checkPolicyWitnesses(prisma, policy, tree, rows)));
  return problems;
}

async function checkPolicyWitnesses(
  prisma: Prisma.TransactionClient,
  policy: WitnessPolicy,
  tree: RebuiltTree,
  rows: { checkpointSize: bigint; witness: string }[],
): Promise<Discrepancy[]> {
  const problems: Discrepancy[] = [];
  const statuses = new Map((await prisma.witnessStatus.findMany()).map((s) => [s.witness, s]));
  for (const w of policy.witnesses) {
    const status = statuses.get(w.verifier.cosignatureKey);
    if (!status || status.cosignedSize === null) continue;
    const where = `witness ${w.name}`;
    const size = Number(status.cosignedSize);
    if (size > tree.size) problems.push({ where, message: `cosigned a tree of ${size} entries, but the log holds ${tree.size}: the log was rolled back` });
    if (!rows.some((r) => r.witness === w.verifier.cosignatureKey && Number(r.checkpointSize) === size)) {
      problems.push({ where, message: `its status says it cosigned checkpoint ${size}, but no cosignature of it is stored` });
    }
  }
  return problems;
}
