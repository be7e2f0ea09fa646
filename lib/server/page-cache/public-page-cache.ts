/**
 * The process's public page cache, configured from the environment (PAGE_CACHE_MAX_BYTES,
 * 0 turns it off). Kept on globalThis: proxy.ts may be bundled more than once, and one process
 * must keep one cache and one render secret.
 */
import pg from "pg";
import { CONTENT_GENERATION_SQL, NOTICE_GENERATION_SQL } from "@/lib/server/cache/content-generation";
import { env, envOf } from "@/lib/server/env";
import { PageCache } from "./page-cache";

/**
 * No public page depends on the clock (nothing says "today" or "3 days ago"), so a page is
 * valid for as long as its generation is. The hour only bounds what the generation cannot see,
 * such as an operator's repair by hand in SQL.
 */
const MAX_AGE_MS = 3_600_000;
/** A generation read is one small indexed query (well under a millisecond); 2 s means trouble. */
const GENERATION_TIMEOUT_MS = 2_000;
const holder = globalThis as unknown as { gongshiPageCache?: PageCache | null };

/** Where this server listens: server.mjs says so; `next start` sets PORT. */
function serverOrigin(): string {
  const { GONGSHI_SELF_ORIGIN, PORT } = envOf(["GONGSHI_SELF_ORIGIN", "PORT"]);
  return GONGSHI_SELF_ORIGIN || `http://127.0.0.1:${PORT}`;
}

/**
 * Generations are read over connections of their own: a hit must not wait behind the page
 * renders' queries (a search for a common word holds a pooled connection for a second or more).
 * Reads of the content generation are coalesced (one at a time); a notice's generation is read
 * once per kept page after each change elsewhere. Four connections are plenty.
 */
export function generationReaders(connectionString: string): { content: () => Promise<string>; notice: (id: string) => Promise<string>; end: () => Promise<void> } {
  // Short time-outs: while the database is saturated a kept page is answered without its
  // generation (page-cache.ts) rather than after a long wait.
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    application_name: "gongshi page cache",
    connectionTimeoutMillis: GENERATION_TIMEOUT_MS,
    statement_timeout: GENERATION_TIMEOUT_MS,
  });
  // An idle connection the database drops must not take the server down; the next read reconnects.
  pool.on("error", (error) => console.error(`gongshi: page cache connection: ${error.message}`));
  // Named, so each connection plans them once: planning the notice query cost four times its
  // execution (0.6–0.8 ms against 0.13–0.22 ms at 100,000 notices), and after every change each
  // kept notice page asks it once.
  const read = async (name: string, text: string, values: string[]) => (await pool.query<{ generation: string }>({ name, text, values })).rows[0]?.generation ?? "";
  return {
    content: () => read("gongshi-content-generation", CONTENT_GENERATION_SQL, []),
    notice: (id) => read("gongshi-notice-generation", NOTICE_GENERATION_SQL, [id]),
    end: () => pool.end(),
  };
}

export function publicPageCache(): PageCache | null {
  if (holder.gongshiPageCache !== undefined) return holder.gongshiPageCache;
  const maxBytes = env().PAGE_CACHE_MAX_BYTES;
  // Development renders on every request so that edits show at once. A mirror's pages carry
  // its live status (the banner of components/mirror/mirror-banner.tsx), which the content
  // generation the cache keys on does not track, so a mirror renders every page too.
  if (maxBytes === 0 || env().MIRROR_OF || env().NODE_ENV !== "production") return (holder.gongshiPageCache = null);
  const readers = generationReaders(env().DATABASE_URL);
  holder.gongshiPageCache = new PageCache({
    origin: serverOrigin,
    readGeneration: readers.content,
    readNoticeGeneration: readers.notice,
    maxBytes,
    maxAgeMs: MAX_AGE_MS,
    // Only server.mjs can send a kept gzipped page as it is (see there); under `next start`
    // Next compresses every answer itself.
    precompress: env().GONGSHI_SERVER_COMPRESSES === "1",
  });
  return holder.gongshiPageCache;
}
