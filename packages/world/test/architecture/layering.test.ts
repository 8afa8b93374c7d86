import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLayering } from "./layering";

const PACKAGES = resolve(import.meta.dirname, "../../..");

function fakeRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "layering-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

// Built at run time so this file's own source holds no import of those specifiers.
const importLine = (spec: string) => `import x from "${spec}";\n`;

const manifest = (deps: Record<string, string> = {}) => JSON.stringify({ dependencies: deps, exports: { ".": "./src/index.ts" } });

describe("package layering", () => {
  it("holds for this repository", () => {
    expect(checkLayering(PACKAGES)).toEqual([]);
  });

  it("catches an upward import, a deep import, an escaping relative import and an upward dependency", () => {
    const root = fakeRepo({
      "core/package.json": manifest({ "@bezgelor/world": "workspace:*" }),
      "core/src/index.ts": ["@bezgelor/db", "@bezgelor/data/src/tables", "../../db/src/index"].map(importLine).join(""),
      "data/package.json": manifest(),
      "db/package.json": manifest(),
      "world/package.json": manifest(),
    });
    const messages = checkLayering(root).map((v) => v.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("core may not depend on @bezgelor/world"),
        expect.stringContaining("core may not import @bezgelor/db"),
        expect.stringContaining("deep import @bezgelor/data/src/tables"),
        expect.stringContaining('relative import "../../db/src/index" leaves package core'),
        expect.stringContaining("core declares @bezgelor/world but never imports it"),
      ]),
    );
    expect(messages).toHaveLength(5);
  });

  it("catches an import of a workspace package the package.json does not declare, and a declared one never imported", () => {
    const root = fakeRepo({
      "core/package.json": manifest(),
      "core/src/index.ts": importLine("@bezgelor/data"),
      "db/package.json": manifest({ "@bezgelor/core": "workspace:*", "@bezgelor/data": "workspace:*" }),
      "db/src/index.ts": importLine("@bezgelor/data"),
      "data/package.json": manifest(),
    });
    expect(checkLayering(root).map((v) => v.message)).toEqual([
      "core imports @bezgelor/data but its package.json does not declare @bezgelor/data",
      "db declares @bezgelor/core but never imports it",
    ]);
  });

  it("flags a package that is not in the allowed graph", () => {
    const root = fakeRepo({ "extra/package.json": manifest() });
    expect(checkLayering(root).map((v) => v.message)).toEqual(["package extra has no entry in ALLOWED_DEPENDENCIES"]);
  });
});
