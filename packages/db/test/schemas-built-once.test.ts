// zod schemas are built once, at module load: a schema built inside a function is built again on
// every call (and every database request), which profiling showed costs real time. This scans the
// package's source for zod builders called inside a function body.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");
/** `z.<name>(...)` calls that build nothing. */
const NOT_BUILDERS = new Set(["prettifyError", "treeifyError", "flattenError", "formatError"]);
/** Callbacks zod itself calls (refine, transform, lazy ...) are not per-request code. */
const ZOD_CALLBACKS = new Set(["refine", "superRefine", "transform", "lazy", "check", "preprocess", "pipe"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** "file:line function" for every zod builder called inside a function of `text`. */
export function schemasBuiltInFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, inFunction: string | undefined): void => {
    if (ts.isFunctionLike(node)) {
      const parent = node.parent;
      const zodCallback = ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && ZOD_CALLBACKS.has(parent.expression.name.text);
      const name = (node as { name?: ts.Node }).name?.getText(source) ?? (ts.isVariableDeclaration(parent) ? parent.name.getText(source) : "<anonymous>");
      ts.forEachChild(node, (child) => visit(child, zodCallback ? inFunction : name));
      return;
    }
    if (inFunction && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = node.expression.expression;
      // z.object(...), and z.coerce.number(...)
      const root = ts.isPropertyAccessExpression(target) ? target.expression : target;
      if (ts.isIdentifier(root) && root.text === "z" && !NOT_BUILDERS.has(node.expression.name.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`${path.relative(SRC, file)}:${line} ${inFunction}`);
      }
    }
    ts.forEachChild(node, (child) => visit(child, inFunction));
  };
  visit(source, undefined);
  return found;
}

describe("zod schemas", () => {
  it("are built at module load, never inside a function of the db package", () => {
    const found = sourceFiles(SRC).flatMap((file) => schemasBuiltInFunctions(file, readFileSync(file, "utf8")));
    expect(found, "hoist these schemas to module-level constants").toEqual([]);
  });

  it("the scan finds a schema built per call, and leaves module-level schemas and zod callbacks alone", () => {
    const text = [
      "const Input = z.object({ id: z.number() }).refine((v) => z.string().safeParse(String(v.id)).success);",
      "export function read(options: unknown) {",
      "  return parseInput(z.object({ id: z.coerce.number() }), options) ?? z.prettifyError(error);",
      "}",
    ].join("\n");
    expect(schemasBuiltInFunctions(path.join(SRC, "x.ts"), text)).toEqual(["x.ts:3 read", "x.ts:3 read"]);
  });
});
