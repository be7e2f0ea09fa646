/**
 * Command-line options of a benchmark, declared by the benchmark: `--name=N` positive integers
 * (with their defaults), `--name` flags, `--name=text`. Anything else is refused (scripts/cli-args.ts).
 */
import path from "node:path";
import { cliArgs, positiveInteger, type OptionsConfig } from "./cli-args";

interface BenchOptions<N extends string, F extends string, T extends string> {
  numbers?: Record<N, number>;
  flags?: readonly F[];
  texts?: readonly T[];
}

export type BenchArgs<N extends string, F extends string, T extends string> = { [K in N]: number } & { [K in F]: boolean } & { [K in T]: string | undefined };

export function benchArgs<N extends string = never, F extends string = never, T extends string = never>(
  spec: BenchOptions<N, F, T>,
  args: string[] = process.argv.slice(2),
): BenchArgs<N, F, T> {
  const numbers = Object.entries<number>(spec.numbers ?? ({} as Record<N, number>));
  const options: OptionsConfig = {};
  for (const [name] of numbers) options[name] = { type: "string" };
  for (const name of spec.texts ?? []) options[name] = { type: "string" };
  for (const name of spec.flags ?? []) options[name] = { type: "boolean" };
  const usage = [
    `tsx ${path.relative(process.cwd(), process.argv[1] ?? "bench")}`,
    ...numbers.map(([name, fallback]) => `[--${name}=N (${fallback})]`),
    ...(spec.texts ?? []).map((name) => `[--${name}=TEXT]`),
    ...(spec.flags ?? []).map((name) => `[--${name}]`),
  ].join(" ");
  const values = cliArgs(usage, options, args) as Record<string, string | boolean | undefined>;
  const parsed: Record<string, string | number | boolean | undefined> = {};
  for (const [name, fallback] of numbers) parsed[name] = positiveInteger(values[name] as string | undefined, name, fallback, usage);
  for (const name of spec.texts ?? []) parsed[name] = values[name] as string | undefined;
  for (const name of spec.flags ?? []) parsed[name] = values[name] === true;
  return parsed as BenchArgs<N, F, T>;
}
