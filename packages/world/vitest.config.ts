import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@bezgelor/source"] },
  ssr: { resolve: { conditions: ["@bezgelor/source"] } },
  // Budgets, not measurements: generous, so a loaded 2-core machine never fails a correct test.
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A worker keeps its modules from one file to the next: a fresh worker per file
    // spent seconds re-importing Prisma, PGlite and the game data, over half of a file's time on 2
    // cores. Each test builds its own data with unique names, so files do not see each other's state.
    isolate: false,
  },
});
