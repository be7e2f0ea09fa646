import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  // Mirrors the tsconfig path "@/*" -> "./*".
  resolve: { alias: [{ find: /^@\//, replacement: repoRoot }] },
  test: {
    root: repoRoot,
    environment: "node",
    include: ["test/**/*.test.ts"],
  },
});
