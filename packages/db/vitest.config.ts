import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@bezgelor/source"] },
  ssr: { resolve: { conditions: ["@bezgelor/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The first test database of a run builds the migrated template (a few seconds on PGlite);
    // the drift test runs Prisma's schema engine twice.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
