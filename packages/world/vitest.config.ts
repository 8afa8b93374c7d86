import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@bezgelor/source"] },
  ssr: { resolve: { conditions: ["@bezgelor/source"] } },
  // Budgets, not measurements: generous, so a loaded 2-core machine never fails a correct test.
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000 },
});
