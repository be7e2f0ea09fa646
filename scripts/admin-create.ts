/**
 * `npm run admin:create -- --email a@example.org --name "Name" [--password-file FILE]`:
 * creates the first administrator (or another one). The password is read from FILE, or else
 * from standard input (first line), never from the command line, where it would sit in the
 * shell history and in every process listing.
 */
import "./load-env";
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { ApiError } from "@/lib/server/api/errors";
import { createUser } from "@/lib/server/auth/create-user";
import { db } from "@/lib/server/db/client";
import { cliArgs } from "./cli-args";

const USAGE = "npm run admin:create -- --email ADDRESS --name NAME [--password-file FILE] (password on stdin otherwise)";
// --password is declared only to be refused with the reason, rather than as an unknown option.
const args = cliArgs(USAGE, { email: { type: "string" }, name: { type: "string" }, "password-file": { type: "string" }, password: { type: "string" } });

async function main(): Promise<void> {
  const { email, name } = args;
  if (!email || !name) throw new ApiError("bad-request", `usage: ${USAGE}`);
  if (args.password !== undefined) throw new ApiError("bad-request", "--password is not accepted: pass the password on stdin or with --password-file");
  const file = args["password-file"];
  const password = (file ? await readFile(file, "utf8") : await text(process.stdin)).split(/\r?\n/)[0] ?? "";
  const prisma = db();
  try {
    const { id } = await createUser(prisma, { email, name, password, role: "administrator" });
    console.log(`admin:create: administrator ${email.trim().toLowerCase()} created (id ${id})`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  // ApiError messages are written for the operator; anything else is unexpected.
  console.error(`admin:create: ${error instanceof ApiError ? error.message : String(error)}`);
  process.exitCode = 1;
});
