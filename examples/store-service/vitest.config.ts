import { defineConfig } from "vitest/config";

export default defineConfig({
  // The test process (world server, headless client) uses the workspace sources; the service
  // under test runs from dist/ in its own process and resolves @bezgelor/db to its build.
  resolve: { conditions: ["@bezgelor/source"] },
  ssr: { resolve: { conditions: ["@bezgelor/source"] } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000 },
});
