import "server-only";
/**
 * Witnesses cosign a checkpoint seconds after it is signed, often after the mirror copied it:
 * each sync re-reads the origin's newest chain rows and keeps the cosignatures that arrived since
 * (each checked, lib/server/mirror/store-cosignatures.ts). The newest checkpoints are the ones verifiers
 * look for a quorum on; older ones keep what they had.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { OriginClient } from "./origin-client";
import { storeCosignatures } from "./store-cosignatures";

const RECENT_CHECKPOINTS = 20;

export async function refreshCosignatures(prisma: PrismaClient, client: OriginClient): Promise<void> {
  const held = await prisma.checkpoint.findMany({ orderBy: { size: "desc" }, take: RECENT_CHECKPOINTS + 1, select: { size: true, note: true } });
  if (held.length === 0) return;
  const after = held.length > RECENT_CHECKPOINTS ? Number(held.at(-1)!.size) : 0;
  const notes = new Map(held.map((c) => [Number(c.size), c.note]));
  for (const cp of await client.chain(after, RECENT_CHECKPOINTS + 1)) {
    const note = notes.get(cp.size);
    // Only for a checkpoint held with the very note the origin lists (cosignatures sign its text).
    if (note === undefined || note !== cp.note || cp.cosignatures.length === 0) continue;
    await storeCosignatures(prisma, cp.size, note.slice(0, note.indexOf("\n\n") + 1), cp.cosignatures);
  }
}
