#!/usr/bin/env node
// The `bezgelor` command of the built package. It lives outside dist/ so that installing the
// workspace can link it before the first build; it runs the build's entry (src/bin.ts).
import process from "node:process";

try {
  await import("../dist/bin.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/bin.js")) throw error;
  process.stderr.write("bezgelor: the world package is not built; run `pnpm build` (or `pnpm bezgelor …` to run the source)\n");
  process.exitCode = 2;
}
