/**
 * `npm run mirror:sync`: copy once from the origin (MIRROR_OF), then exit — for cron and
 * alerting (set MIRROR_INTERVAL_MS=0 on the mirror's web servers). Safe to run alongside them.
 * Exit status: 0 a verified copy up to the origin's newest checkpoint; 1 behind (the origin
 * could not be read, or the copy failed: it is tried again next time); 2 the mirror refused the
 * origin (a fork, a rollback, a bad signature or bytes that do not match the log; see
 * GET /api/v1/mirror); 3 the mirror is not configured.
 */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { mirrorConfig } from "@/lib/server/mirror/mirror-config";
import { syncMirror } from "@/lib/server/mirror/sync-mirror";

const EXIT = { following: 0, behind: 1, refused: 2 } as const;

let config;
try {
  config = mirrorConfig();
  if (!config) throw new Error("MIRROR_OF is not set: this is not a mirror (see docs/mirrors.md)");
} catch (error) {
  console.error(`mirror:sync: ${(error as Error).message}`);
  process.exit(3);
}
const prisma = db();
try {
  const outcome = await syncMirror(prisma, config);
  const line = `mirror:sync: ${outcome.state}: ${outcome.message} (origin ${config.originUrl}, its newest checkpoint ${outcome.originSize ?? "unknown"})`;
  if (outcome.state === "following") console.log(line);
  else console.error(line);
  process.exitCode = EXIT[outcome.state];
} catch (error) {
  console.error(`mirror:sync: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
