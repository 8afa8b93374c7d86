import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@bezgelor/source"] },
  ssr: { resolve: { conditions: ["@bezgelor/source"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
