import "server-only";
/**
 * `log:audit --mirror URL`: a mirror's copy of the log's newest checkpoint (its C2SP
 * `GET /log/checkpoint`), which the mirror verified when it copied it. It must be this log's,
 * signed with this log's key, and sign a tree this log contains: a mirror ahead of the log
 * means the log lost entries it had published.
 */
import { openCheckpoint, type NoteVerifier } from "@/lib/core/log";
import { originClient } from "@/lib/server/mirror/origin-client";
import type { Discrepancy } from "./audit-log";
import type { RebuiltTree } from "./audit-tree";

const MIRROR_TIMEOUT_MS = 30_000;

export interface MirrorCheckpoint {
  url: string;
  /** The served note; null when it could not be read (`error` says why). */
  note: string | null;
  error?: string;
}

export async function fetchMirrorCheckpoint(url: string): Promise<MirrorCheckpoint> {
  try {
    return { url, note: await originClient(url.replace(/\/+$/, ""), MIRROR_TIMEOUT_MS).checkpoint() };
  } catch (e) {
    return { url, note: null, error: (e as Error).message };
  }
}

export async function checkMirror(fetched: MirrorCheckpoint, origin: string, verifier: NoteVerifier, tree: RebuiltTree): Promise<Discrepancy[]> {
  const where = `mirror ${fetched.url}`;
  if (fetched.note === null) return [{ where, message: `its checkpoint could not be read: ${fetched.error}` }];
  let checkpoint;
  try {
    checkpoint = openCheckpoint(fetched.note, origin, [verifier]).checkpoint;
  } catch (e) {
    return [{ where, message: `serves a checkpoint that is not this log's: ${(e as Error).message}` }];
  }
  const problem = await tree.inconsistency(checkpoint.size, checkpoint.rootHash);
  return problem ? [{ where, message: `its checkpoint (size ${checkpoint.size}) ${problem}` }] : [];
}
