import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * The tests Stryker runs against each mutant of lib/core/log and lib/core/verify (stryker.config.mjs).
 * Only the fast pure unit tests: no database, no subprocess, no exhaustive oracle sweep —
 * with those a run was estimated at days. Its own include list on purpose: mergeConfig with
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
    include: [
      "test/log/checkpoint-tlog-proof.test.ts",
      "test/log/cosignature.test.ts",
      "test/log/jcs.test.ts",
      "test/log/note-edges.test.ts",
      "test/log/note.test.ts",
      "test/log/notice-leaf.test.ts",
      "test/log/rfc6962-vectors.test.ts",
      "test/log/tessera-interop.test.ts",
      "test/log/tile-cache.test.ts",
      "test/log/tiles.test.ts",
      "test/log/witness-check.test.ts",
      "test/log/witness-policy.test.ts",
      "test/verify/attachment-files.test.ts",
      "test/verify/bundle-and-histories.test.ts",
      "test/verify/kept-checkpoint-verdict.test.ts",
      "test/verify/verify-notice-version.test.ts",
      "test/verify/witnesses-step.test.ts",
    ],
    testTimeout: 60_000,
  },
});
