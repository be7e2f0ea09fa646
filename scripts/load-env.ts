/** Scripts read the same env files as Next (.env, .env.local, …), before anything reads process.env. */
import nextEnv from "@next/env";
import { envOf } from "../lib/server/env-schema";

nextEnv.loadEnvConfig(process.cwd(), envOf(["NODE_ENV"]).NODE_ENV !== "production");

// A command-line tool: lib/server/db/client.ts gives db() no statement time-out here (a reindex or an
// audit of the whole log may rightly run long). Not an environment variable, so a server a
// script starts (benchmarks, `npm run up`) keeps the web server's limits.
(globalThis as unknown as { gongshiCommandLine?: boolean }).gongshiCommandLine = true;
