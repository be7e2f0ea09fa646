import "server-only";
/**
 * What the mirror banner and status page show: the configured mirror and its status, or null
 * on a server that is no mirror. Checked without throwing, since the public layout also renders
 * at build time, where there may be no environment to read; a mirror with a bad configuration
 * does not get this far (lib/server/server-start.ts stops it).
 */
import { db } from "@/lib/server/db/client";
import { isSet } from "@/lib/server/env";
import { getMirrorInfo } from "@/lib/server/mirror/get-mirror-info";
import type { MirrorInfo } from "@/lib/server/api/contract";
import { mirrorConfig, type MirrorConfig } from "@/lib/server/mirror/mirror-config";

export function configuredMirror(): MirrorConfig | null {
  if (!isSet("MIRROR_OF")) return null;
  try {
    return mirrorConfig();
  } catch {
    return null;
  }
}

/** The mirror's status; `info` null when the database cannot be read (the page still renders). */
export async function loadMirrorInfo(config: MirrorConfig): Promise<{ info: MirrorInfo | null }> {
  try {
    return { info: await getMirrorInfo(db(), config.originUrl) };
  } catch (error) {
    console.error(`gongshi: mirror status: ${(error as Error).message}`);
    return { info: null };
  }
}
