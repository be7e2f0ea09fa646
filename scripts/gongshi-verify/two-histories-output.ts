/**
 * The CLI's two-histories verdict: the one the browser gives for a proof bundle checked against
 * the checkpoint it kept (lib/core/verify/kept-checkpoint-verdict.ts), said in words, with both
 * signed notes printed verbatim so the journalist can keep them as evidence. A bundle is a
 * file, not the log answering now, so no proof is asked for and an older bundle is never
 * called a rollback.
 */
import type { WitnessPolicy } from "@/lib/core/log";
import { judgeKeptCheckpoint, readCheckpoint, type SplitVerdict, type StepResult } from "@/lib/core/verify";
import type { Io } from "./run";

/** The verdict for a bundle checked against `kept`, printed when the log key signed two histories; returns it (null: none). */
export function reportTwoHistories(
  kept: string,
  current: string,
  log: { origin: string; verifierKey: string },
  policy: WitnessPolicy | undefined,
  results: readonly StepResult[],
  io: Io,
): SplitVerdict | null {
  const { split } = judgeKeptCheckpoint({ kept, current, log, proof: undefined, ...(policy ? { policy } : {}) }, results);
  if (split === null) return null;
  const size = (note: string) => readCheckpoint(note)?.size ?? 0;
  // Without a proof, two notes of the same size are the only split a file can show.
  const why = split.reason === "same-size-different-roots" ? `both checkpoints are for ${size(split.older)} entries but name different root hashes` : "they disagree";
  io.out(`TWO HISTORIES: the log's key signed two checkpoints that cannot both be true: ${why} [${split.reason}].`);
  io.out(
    "  A log may only grow: together the two signed notes below are evidence that it was rewritten or shows different histories to different people. Keep both and report them; anyone can check them with the log's key alone.",
  );
  if (split.cosigners) {
    const names = (list: readonly string[]) => (list.length ? `cosigned by ${list.join(", ")}` : "cosigned by no witness of the policy");
    io.out(`  the checkpoint of ${size(split.older)} entries is ${names(split.cosigners.older)}; the one of ${size(split.newer)} entries is ${names(split.cosigners.newer)}`);
    if (split.witnessesOnBoth?.length) io.out(`  ${split.witnessesOnBoth.join(", ")} cosigned both, vouching for two histories`);
  }
  for (const note of [split.older, split.newer]) {
    io.out(`----- checkpoint of ${size(note)} entries (${note === kept ? "the kept checkpoint" : "the bundle's checkpoint"}) -----`);
    io.out(note.replace(/\n$/, ""));
  }
  io.out("-----");
  return split;
}
