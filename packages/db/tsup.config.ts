import { cp, rm } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  // The embedded database's thread and its cluster creation are entries of their own:
  // pglite-thread.ts starts dist/pglite-worker.js, pglite-cluster.ts runs dist/pglite-init.js.
  entry: {
    index: "src/index.ts",
    "testing/index": "src/testing/index.ts",
    "pglite-worker": "src/open/pglite-worker.ts",
    "pglite-init": "src/open/pglite-init.ts",
  },
  format: ["esm"],
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
  // The runtime runner looks for `<module dir>/migrations` first, so the built package carries
  // its own copy of prisma/migrations and works without the repository around it.
  async onSuccess() {
    await rm("dist/migrations", { recursive: true, force: true });
    await cp("../../prisma/migrations", "dist/migrations", { recursive: true });
  },
});
