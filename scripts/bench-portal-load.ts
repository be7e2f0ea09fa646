/**
 * `npm run bench:portal -- --load`: one client hammering uncached searches while other visitors
 * read cached pages (docs/performance.md, "One client's searches against everyone else").
 *
 * Two production servers on the same database, one with the default rate limits and one with
 * them off (RATE_LIMIT_SEARCH_PER_MINUTE=0), each warmed so that the visitors' pages are in its
 * page cache. For each, rounds alternate: the visitors alone ("quiet"), then the visitors while
 * the hammering client runs ("hammered"); the servers alternate round by round, so that a
 * neighbour's burst hits both alike. The visitors come from 127.0.0.1 and the hammering client
 * from 127.0.0.2, two client addresses to the server (server.mjs keys the limits on them).
 * The hammering client ignores Retry-After and asks again at once, as a careless script does.
 * A benchmark, never a test: the figures go to the report, nothing asserts on time.
 */
import http from "node:http";
import { randomInt } from "node:crypto";
import type { Server } from "./bench-log-http";
import { int, ms, percentile } from "./bench-stats";

export interface LoadOptions {
  seconds: number;
  rounds: number;
  /** Concurrent connections of the visitors, and of the hammering client. */
  visitors: number;
  hammer: number;
  /** Cached pages the visitors read (each visited once before the rounds). */
  pages: string[];
  /** Search words; the hammering client adds a counter so that no URL is asked twice. */
  words: string[];
  progress: (message: string) => void;
}

interface Side {
  label: string;
  server: Server;
  quiet: number[];
  hammered: number[];
  /** Each round's hammered p95 / quiet p95, to show the spread on a shared machine. */
  ratios: number[];
  visitorRequests: number;
  visitorHits: number;
  visitorErrors: number;
  hammerStatus: Map<number, number>;
}

const visitorAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const hammerAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(base: string, path: string, agent: http.Agent, localAddress: string): Promise<{ status: number; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${encodeURI(path)}`, { agent, localAddress, headers: { "accept-encoding": "gzip" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, cache: res.headers["x-gongshi-page-cache"] as string | undefined }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Runs `once` from `connections` loops until `end` (performance.now()). */
async function loops(connections: number, end: number, once: () => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await once();
    }),
  );
}

let unique = 0;

async function round(side: Side, options: LoadOptions, hammering: boolean): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + options.seconds * 1000;
  const visitors = loops(options.visitors, end, async () => {
    const path = options.pages[randomInt(options.pages.length)]!;
    const t = performance.now();
    try {
      const r = await get(side.server.base, path, visitorAgent, "127.0.0.1");
      latencies.push(performance.now() - t);
      side.visitorRequests++;
      if (r.status !== 200) side.visitorErrors++;
      if (r.cache === "hit") side.visitorHits++;
    } catch {
      side.visitorErrors++;
    }
  });
  const hammer = hammering
    ? loops(options.hammer, end, async () => {
        const word = options.words[randomInt(options.words.length)]!;
        try {
          const r = await get(side.server.base, `/zh-CN/notices?q=${word}&n=${unique++}`, hammerAgent, "127.0.0.2");
          side.hammerStatus.set(r.status, (side.hammerStatus.get(r.status) ?? 0) + 1);
        } catch {
          side.hammerStatus.set(0, (side.hammerStatus.get(0) ?? 0) + 1);
        }
      })
    : Promise.resolve();
  await Promise.all([visitors, hammer]);
  return latencies;
}

export async function measureLoad(servers: { label: string; server: Server }[], options: LoadOptions): Promise<Side[]> {
  const sides: Side[] = servers.map((s) => ({ ...s, quiet: [], hammered: [], ratios: [], visitorRequests: 0, visitorHits: 0, visitorErrors: 0, hammerStatus: new Map() }));
  for (const side of sides) {
    // Readers have seen these pages since the last change: each is in the page cache.
    const queue = [...options.pages];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let path = queue.pop(); path !== undefined; path = queue.pop()) await get(side.server.base, path, visitorAgent, "127.0.0.1");
      }),
    );
    await round(side, { ...options, seconds: 2 }, false); // warm-up
  }
  for (let r = 0; r < options.rounds; r++) {
    for (const side of sides) {
      const quiet = await round(side, options, false);
      const hammered = await round(side, options, true);
      side.quiet.push(...quiet);
      side.hammered.push(...hammered);
      side.ratios.push(percentile(hammered, 95) / percentile(quiet, 95));
      options.progress(`load, ${side.label}: round ${r + 1}: visitors' p95 quiet ${ms(percentile(quiet, 95))} ms, hammered ${ms(percentile(hammered, 95))} ms`);
    }
  }
  return sides;
}

export function loadReport(sides: Side[], options: LoadOptions, header: string): string {
  const lines = [
    `${header} ${options.visitors} visitor connections from one address reading ${int(options.pages.length)} cached pages (notice pages, the home page, the first list pages), ` +
      `and one hammering client (another address) with ${options.hammer} connections asking for a search no one asked before (\`/zh-CN/notices?q=<word>&n=<counter>\`), never waiting. ` +
      `${options.rounds} rounds of ${options.seconds} s per server and phase, quiet and hammered alternating, the two servers alternating.`,
    "",
    "| Server | Visitors' cached-page p95, quiet | p95 while hammered | Hammered / quiet | Visitors' requests (from the cache) | Visitors' errors | The hammering client's answers |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...sides.map((s) => {
      const quiet = percentile(s.quiet, 95);
      const hammered = percentile(s.hammered, 95);
      const answers = [...s.hammerStatus]
        .sort((a, b) => a[0] - b[0])
        .map(([status, n]) => `${int(n)} × ${status === 0 ? "failed" : status}`)
        .join(", ");
      return `| ${s.label} | ${ms(quiet)} ms | ${ms(hammered)} ms | **${(hammered / quiet).toFixed(2)}×** | ${int(s.visitorRequests)} (${((s.visitorHits / Math.max(1, s.visitorRequests)) * 100).toFixed(0)} %) | ${s.visitorErrors} | ${answers} |`;
    }),
    "",
    `Per round, hammered p95 / quiet p95 (the spread on a shared machine): ${sides
      .map((s) => `${s.label.split(" (")[0]}: ${s.ratios.map((r) => r.toFixed(2)).join(" / ")} (median ${median(s.ratios).toFixed(2)})`)
      .join("; ")}.`,
  ];
  return lines.join("\n");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
