/** Command-line arguments: `--flag value` or `--flag=value`, each flag once, nothing else. */
export const USAGE = `usage:
  gongshi-witness init --data DIR --name NAME
  gongshi-witness add-log --data DIR --origin ORIGIN --key LOG_VKEY
  gongshi-witness serve --data DIR --listen HOST:PORT`;

/** Bad arguments: the program prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

export function parseFlags(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument: ${arg}`);
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    flags.set(name, value);
  }
  for (const name of allowed) if (!flags.has(name)) throw new UsageError(`missing --${name}`);
  return flags;
}
