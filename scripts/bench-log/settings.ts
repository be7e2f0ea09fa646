/** The run's sizes and fixed parameters (its command-line options, scripts/bench-args.ts), and its progress lines. */
import { benchArgs } from "../bench-args";

export const args = benchArgs({ numbers: { size: 1_000_000, extra: 100_000, proofs: 3000, "http-seconds": 4 }, flags: ["keep", "no-http", "write"] });

export const SIZE = args.size;
export const EXTRA = args.extra;
export const BATCH = 10_000;
export const FILL_CHUNK = 100_000;
export const PROOFS = args.proofs;
export const HTTP_SECONDS = args["http-seconds"];
export const HTTP_ROUNDS = 3;
export const CONNECTIONS = 50;
export const PORT = 3199;
export const ORIGIN = "bench.gongshi.example/log";

export const started = performance.now();
export function progress(message: string): void {
  const at = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`bench ${at} s  ${message}\n`);
}
