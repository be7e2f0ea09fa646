import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * The tests Stryker runs against each mutant of lib/core/log and lib/core/verify (stryker.config.mjs).
 * Only the fast pure unit tests: no database, no subprocess, no exhaustive oracle sweep —
 * with those a run was estimated at days. Its own include and exclude lists on purpose: mergeConfig with
 * vitest.config.ts would concatenate the include arrays and bring every test back.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: repoRoot },
      { find: /^server-only$/, replacement: `${repoRoot}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    root: repoRoot,
    environment: "node",
    // Every unit test of the two folders, so a new test file there counts without editing this list.
    include: ["test/log/**/*.test.ts", "test/verify/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      // Exhaustive sweeps over every tree size and proof: minutes per mutant.
      "test/log/oracle.test.ts",
      "test/log/proof-negatives.test.ts",
      // Run the built CLI as a subprocess, or need the database.
      "test/verify/cli.test.ts",
      "test/verify/build-proof-bundle.test.ts",
    ],
    testTimeout: 60_000,
  },
});
