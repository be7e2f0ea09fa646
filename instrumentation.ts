/** Next.js start-up hook. The Node-only start-up lives in lib/server/server-start.ts (not for the Edge runtime). */
export async function register(): Promise<void> {
  // Next's own, not configuration (so not in lib/server/env-schema.ts): Next replaces this exact text
  // per runtime at build time, which leaves the Node-only import out of the Edge build.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/server/server-start");
    startServer();
  }
}
