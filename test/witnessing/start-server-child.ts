/** Runs the server's start-up (lib/server-start.ts) alone, for the start-up tests; exits 0 if it returns. */
import { startServer } from "@/lib/server-start";

startServer();
process.exit(0);
