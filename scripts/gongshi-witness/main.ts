/**
 * gongshi-witness — a C2SP tlog-witness (https://c2sp.org/tlog-witness) that anyone can run
 * for a log: it checks each new checkpoint is consistent with the last one it cosigned and
 * cosigns it (cosignature/v1). Built into one self-contained file, bin/gongshi-witness.mjs,
 * by `npm run build:witness`; plain Node 20, no database, no dependencies. docs/witnesses.md
 * explains running it.
 */
import { addLog } from "./add-log";
import { init } from "./init";
import { serve } from "./serve";
import { parseFlags, UsageError, USAGE } from "./usage";

const out = (line: string) => process.stdout.write(line + "\n");
const err = (line: string) => process.stderr.write(line + "\n");

async function main(args: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  switch (command) {
    case "init": {
      const flags = parseFlags(rest, ["data", "name"]);
      return init(flags.get("data")!, flags.get("name")!, out);
    }
    case "add-log": {
      const flags = parseFlags(rest, ["data", "origin", "key"]);
      return addLog(flags.get("data")!, flags.get("origin")!, flags.get("key")!, out);
    }
    case "serve": {
      const flags = parseFlags(rest, ["data", "listen"]);
      return serve(flags.get("data")!, flags.get("listen")!, out, err);
    }
    case "help":
    case "--help":
    case "-h":
      out(USAGE);
      return;
    default:
      throw new UsageError(command === undefined ? "no command given" : `unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    err(`gongshi-witness: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    err(`gongshi-witness: error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
});
