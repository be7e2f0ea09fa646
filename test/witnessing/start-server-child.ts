/** Runs the server's start-up (lib/server/server-start.ts) alone, for the start-up tests; exits 0 if it returns. */
import { startServer } from "@/lib/server/server-start";

startServer();
process.exit(0);
