/** Proofs over HTTP from the production build under autocannon. */
import { randomInt } from "node:crypto";
import { ensureBuild, load, startServer, type BuildInfo, type LoadResult, type Server } from "../bench-log-http";
import { int } from "../bench-stats";
import { CONNECTIONS, HTTP_ROUNDS, HTTP_SECONDS, ORIGIN, PORT, SIZE, progress } from "./settings";

// ---------------------------------------------------------------------------------------
// 5. HTTP

export interface HttpRow {
  label: string;
  path: string;
  rounds: LoadResult[];
}

export async function http(dbUrl: string, dbName: string, signerKey: string): Promise<{ build: BuildInfo; rows: HttpRow[]; serverLog: string }> {
  const build = ensureBuild(progress);
  if (build.newerSources.length > 0) {
    progress(`warning: ${build.newerSources.length} source files are newer than the build (${build.newerSources.slice(0, 3).join(", ")}…)`);
  }
  const server: Server = await startServer(
    {
      DATABASE_URL: dbUrl,
      LOG_SIGNER_KEY: signerKey,
      LOG_ORIGIN: ORIGIN,
      LOG_COMMIT_INTERVAL_MS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      // These rows measure Next's route handlers; `npm run bench:log-http` measures server.mjs's own answers.
      LOG_HTTP_FAST_PATH: "off",
    },
    PORT,
  );
  progress(`http: next start (build ${build.buildId}) answering on ${server.base}, pid ${server.pid}`);
  const S = SIZE;
  const rows: HttpRow[] = [
    { label: "`/api/v1/no-such-endpoint`: JSON 404, no database (framework floor)", path: "/api/v1/no-such-endpoint", rounds: [] },
    { label: "`/log/checkpoint`: one query (latest checkpoint)", path: "/log/checkpoint", rounds: [] },
    { label: `\`/api/v1/log/proof/inclusion?index=<random>&size=${S}\``, path: "inclusion", rounds: [] },
    { label: `\`/api/v1/log/proof/consistency?from=<random>&to=${S}\``, path: "consistency", rounds: [] },
  ];
  const makePath = (p: string) => () =>
    p === "inclusion"
      ? `/api/v1/log/proof/inclusion?index=${randomInt(S)}&size=${S}`
      : p === "consistency"
        ? `/api/v1/log/proof/consistency?from=${1 + randomInt(S - 1)}&to=${S}`
        : p;
  try {
    for (const row of rows) {
      await load(server, dbName, makePath(row.path), 2, CONNECTIONS); // warm-up, not reported
    }
    progress("http: warm-up done");
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      for (const row of rows) {
        const r = await load(server, dbName, makePath(row.path), HTTP_SECONDS, CONNECTIONS);
        row.rounds.push(r);
        progress(`http: round ${round + 1} ${row.path.slice(0, 40)}: ${int(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);
      }
    }
  } finally {
    await server.stop();
  }
  return { build, rows, serverLog: server.output() };
}
