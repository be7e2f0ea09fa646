/**
 * Mutation testing of the verifiable core, lib/core/log and lib/core/verify: `npm run test:mutation`.
 * How to run it, how long it takes and the last scores: docs/mutation-testing.md.
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: ["lib/core/log/**/*.ts", "lib/core/verify/**/*.ts", "!lib/core/log/index.ts", "!lib/core/verify/index.ts"],
  // Each mutant runs only the tests that executed its code.
  coverageAnalysis: "perTest",
  // The machine has two cores; one worker leaves the other for everything else.
  concurrency: 1,
  // Reruns test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  // Not copied into the sandbox: builds, and what running servers and browser tests write while
  // a mutation run may be going (a file vanishing mid-copy stops Stryker).
  ignorePatterns: [".next", ".e2e-*", "data", "test-results", "playwright-report", "blob-report", "coverage", "out"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
};
