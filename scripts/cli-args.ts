/**
 * The command-line options of a script, by node:util's parseArgs in strict mode: an unknown
 * option (`npm run up -- --port=1` where the option is spelt otherwise), a missing value or a
 * stray argument is refused with the problem and the usage, exit code 2, instead of being
 * ignored.
 */
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** Exit code of a refused command line (as for most Unix tools). */
export const USAGE_EXIT_CODE = 2;

export function usageError(message: string, usage: string): never {
  console.error(`${path.basename(process.argv[1] ?? "script")}: ${message}\nusage: ${usage}`);
  process.exit(USAGE_EXIT_CODE);
}

/** The options' values; `--help` prints the usage and exits. */
export function cliArgs<const O extends OptionsConfig>(usage: string, options: O, args: string[] = process.argv.slice(2)) {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
}

/** A positive whole number given as `--name=N`; `fallback` when the option is absent. */
export function positiveInteger(value: string | undefined, name: string, fallback: number, usage: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) usageError(`--${name} must be a positive integer`, usage);
  return n;
}
