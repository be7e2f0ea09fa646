// Prisma CLI configuration. Only `prisma generate` is used on these machines: the schema
// engine cannot be downloaded, so migrations are plain SQL applied by scripts/db-migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
