// `prisma generate` only needs the schema, but the CLI refuses to start unless it can find a
// schema engine binary, which cannot be downloaded here. It never runs it during generate, so any
// existing file satisfies the check (see shared toolchain notes).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= new URL(import.meta.url).pathname;
process.env.CHECKPOINT_DISABLE = "1";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
});
