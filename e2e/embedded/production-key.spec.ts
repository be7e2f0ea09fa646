import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";

/** In production the server refuses to start without a signing key, naming the variable. */
test("the production server (npm start) without LOG_SIGNER_KEY exits before serving, saying why", async () => {
  test.setTimeout(60_000);
  const child = spawn(process.execPath, ["server.mjs", "-p", "3108", "-H", "127.0.0.1"], {
    env: { ...process.env, LOG_SIGNER_KEY: "", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gongshi_e2e", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c));
  child.stderr.on("data", (c: Buffer) => (output += c));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 45_000);
    child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code, output).toBe(1);
  expect(output).toContain("LOG_SIGNER_KEY");
});
