/** Next.js start-up hook. The Node-only start-up lives in lib/server-start.ts (not for the Edge runtime). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/server-start");
    startServer();
  }
}
