import "server-only";
/**
 * The client for public reads (docs/read-replicas.md): the streaming replica of
 * DATABASE_READ_URL when it has caught up with the primary as of this read's start
 * (lib/server/db/read-routing.mjs), else the primary's own client. Without DATABASE_READ_URL it is
 * db(), as before. Public pages, search, feeds, proofs and the public API's GETs read through
 * it; writes, the admin area, sign-in, alerts and the log committer keep db().
 *
 * Ask for it when reading, never once and kept: each choice holds for the request it was made in.
 */
import { cache } from "react";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createPrisma, db, serverPoolLimits } from "@/lib/server/db/client";
import { env, isSet } from "@/lib/server/env";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "./database-unavailable";
import { readRouter, replicaIsAway, type ReadRouter } from "./read-routing.mjs";

const holder = globalThis as unknown as { gongshiReplicaPrisma?: PrismaClient; gongshiCommandLine?: boolean };

/** The process's router, or null when there is no replica or this is a command-line tool (they read the primary). */
export function processReadRouter(): ReadRouter | null {
  // Looked at before env(): code that runs the route handlers with a client of its own (tests,
  // tools) may have no DATABASE_URL to validate, and without a replica there is nothing to read.
  if (holder.gongshiCommandLine || !isSet("DATABASE_READ_URL")) return null;
  const { DATABASE_URL, DATABASE_READ_URL, DATABASE_READ_MAX_WAIT_MS } = env();
  return readRouter(DATABASE_URL, DATABASE_READ_URL, DATABASE_READ_MAX_WAIT_MS);
}

/**
 * One choice per page render (React's cache; a route handler chooses per call): a notice page
 * reads the notice, its sign-off and its translations, and all three may share the choice made
 * for the first, which already covers everything committed before the request began.
 */
export const readDb = cache(chooseReadDb);

async function chooseReadDb(): Promise<PrismaClient> {
  const router = processReadRouter();
  if (!router || (await router.choose()) === "primary") return db();
  holder.gongshiReplicaPrisma ??= createPrisma(env().DATABASE_READ_URL!, serverPoolLimits(), (error) => {
    // A replica gone away (or whose pool had no connection to give) sends the next reads to
    // the primary. A statement time-out there is noted as on the primary: renders read from the
    // replica, so a saturated replica is a saturated portal (the proxy then refuses new renders
    // for a few seconds, lib/server/db/database-unavailable.ts).
    if (replicaIsAway(error)) router.away(error);
    else if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
  });
  return holder.gongshiReplicaPrisma;
}
