// ESLint (flat config): typescript-eslint's recommended rules, React's hooks rules and Next's
// core-web-vitals rules. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    ".next/",
    "next-env.d.ts",
    "lib/server/db/generated/",
    "bin/*.mjs",
    "test-results/",
    "playwright-report/",
    "blob-report/",
    "coverage/",
    "data/",
    ".e2e-witnesses/",
    "reports/",
    ".stryker-tmp/",
  ]),
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    rules: {
      // The rule knows only the pages/ router; here <a> goes to API routes (/api/v1/log) or,
      // from app/not-found.tsx outside any locale layout, deliberately reloads the whole page.
      "@next/next/no-html-link-for-pages": "off",
      // Names starting with "_" are deliberately unused (positional parameters, skipped tuple items).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // CommonJS configuration files (.dependency-cruiser.cjs): require is how they import.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
