import { cp } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "node20",
  dts: true,
  sourcemap: true,
  clean: true,
  // The shipped dataset travels with the build so `loadGameData()` finds it beside dist/index.js.
  onSuccess: async () => {
    await cp(fileURLToPath(new URL("./data", import.meta.url)), fileURLToPath(new URL("./dist/data", import.meta.url)), {
      recursive: true,
    });
  },
});
