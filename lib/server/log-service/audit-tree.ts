import "server-only";
/**
 * The tree the auditor rebuilt from the stored leaves, and the one question every outside
 * checkpoint (a saved file, a witness's cosigned one, a mirror's) is asked against it: is the
 * tree it signs a prefix of this log? Answered with the log's own consistency proofs, computed
 * from the rebuilt tiles, never from anything stored about the tree.
 */
import { bytesEqual, memoryTileReader, proveConsistency, tileHashReader, treeHash, verifyConsistency, type Hash, type TileData } from "@/lib/core/log";

export interface RebuiltTree {
  readonly size: number;
  /** The root hash of the first `n` entries. */
  rootAt(n: number): Promise<Hash>;
  /** Why a checkpoint of (size, root) is not consistent with this log; null when it is. */
  inconsistency(size: number, root: Hash): Promise<string | null>;
}

export function rebuiltTree(size: number, tiles: Map<string, TileData>): RebuiltTree {
  const reader = (n: number) => tileHashReader(n, memoryTileReader(tiles.values()));
  const rootAt = (n: number) => treeHash(n, reader(n));
  return {
    size,
    rootAt,
    async inconsistency(oldSize, oldRoot) {
      if (oldSize > size) return `signs ${oldSize} entries but the log holds ${size}: the log was rolled back`;
      const root = await rootAt(size);
      if (oldSize === size) return bytesEqual(oldRoot, root) ? null : `signs the log's size ${size} with another root: a fork`;
      if (oldSize === 0) return null;
      try {
        verifyConsistency(oldSize, size, await proveConsistency(oldSize, size, reader(size)), oldRoot, root);
        return null;
      } catch (e) {
        return `is not consistent with the log at ${size} (${(e as Error).message}): a fork`;
      }
    },
  };
}
