import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@bezgelor/source"] },
  ssr: { resolve: { conditions: ["@bezgelor/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The first test database of a run builds the migrated template (a few seconds on PGlite);
    // the drift test runs Prisma's schema engine twice. Budgets, not measurements: generous, so a
    // loaded 2-core machine never fails a correct test (speed lives in `pnpm bench`).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A worker keeps its modules from one file to the next: a fresh worker per file spent seconds
    // re-importing Prisma and PGlite, a third of the suite's time on 2 cores. Each test builds its
    // own data with unique names, so files do not see each other's state.
    isolate: false,
  },
});
