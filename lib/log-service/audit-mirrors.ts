import "server-only";
/**
 * `log:audit --mirror URL`: a mirror's copy of the log's newest checkpoint (its C2SP
 * `GET /log/checkpoint`), which the mirror verified when it copied it. It must be this log's,
 * signed with this log's key, and sign a tree this log contains: a mirror ahead of the log
 * means the log lost entries it had published.
 */
import { openCheckpoint, type NoteVerifier } from "@/lib/log";
import { originClient } from "@/lib/mirror/origin-client";
import type { Discrepancy } from "./audit-log";
import type { RebuiltTree } from "./audit-tree";

const MIRROR_TIMEOUT_MS = 30_000;

export async function checkMirror(url: string, origin: string, verifier: NoteVerifier, tree: RebuiltTree): Promise<Discrepancy[]> {
  const where = `mirror ${url}`;
  let note: string;
  try {
    note = await originClient(url.replace(/\/+$/, ""), MIRROR_TIMEOUT_MS).checkpoint();
  } catch (e) {
    return [{ where, message: `its checkpoint could not be read: ${(e as Error).message}` }];
  }
  let checkpoint;
  try {
    checkpoint = openCheckpoint(note, origin, [verifier]).checkpoint;
  } catch (e) {
    return [{ where, message: `serves a checkpoint that is not this log's: ${(e as Error).message}` }];
  }
  const problem = await tree.inconsistency(checkpoint.size, checkpoint.rootHash);
  return problem ? [{ where, message: `its checkpoint (size ${checkpoint.size}) ${problem}` }] : [];
}
