import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  // Mirrors the tsconfig path "@/*" -> "./*".
  // `server-only` throws outside React's server condition; tests are server code, so they
  // get its empty build, as scripts do through `--conditions=react-server`.
  resolve: {
    alias: [
      { find: /^@\//, replacement: repoRoot },
      { find: /^server-only$/, replacement: `${repoRoot}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    root: repoRoot,
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Database tests each create their own throwaway database; a few run longer than 5 s.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
