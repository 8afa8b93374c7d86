import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Which workspace packages each package may depend on: strictly downward. */
export const ALLOWED_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  data: [],
  core: ["data"],
  db: ["core", "data"],
  protocol: ["core", "data"],
  world: ["core", "data", "db", "protocol"],
};

const SCANNED_DIRS = ["src", "test", "bench", "scripts"];
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;

export interface Violation {
  file: string;
  message: string;
}

function walk(dir: string, out: string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === "dist" || name === "generated") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: Record<string, unknown>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
}

/**
 * Checks every package under `packagesDir` against {@link ALLOWED_DEPENDENCIES}: declared workspace
 * dependencies, `@bezgelor/*` imports (only declared export entries, never `src`), and relative
 * imports that would climb out of the package. Every `@bezgelor/*` package imported must be
 * declared in the importer's package.json (dependencies or devDependencies), and every one declared
 * must be imported somewhere in it.
 */
export function checkLayering(packagesDir: string): Violation[] {
  const violations: Violation[] = [];
  const names = readdirSync(packagesDir).filter((n) => statSync(join(packagesDir, n)).isDirectory());
  const manifests = new Map(names.map((n) => [n, readPackage(join(packagesDir, n))]));
  for (const name of names) {
    const pkgDir = join(packagesDir, name);
    const allowed = ALLOWED_DEPENDENCIES[name];
    const rel = (f: string) => relative(packagesDir, f);
    if (!allowed) {
      violations.push({ file: rel(pkgDir), message: `package ${name} has no entry in ALLOWED_DEPENDENCIES` });
      continue;
    }
    const manifest = manifests.get(name) ?? {};
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    const imported = new Set<string>();
    for (const dep of declared) {
      const target = dep.startsWith("@bezgelor/") ? dep.slice("@bezgelor/".length) : undefined;
      if (target !== undefined && !allowed.includes(target)) {
        violations.push({ file: `${name}/package.json`, message: `${name} may not depend on ${dep}` });
      }
    }
    for (const file of SCANNED_DIRS.flatMap((d) => walk(join(pkgDir, d), []))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(IMPORT_RE)) {
        const spec = match[1] ?? "";
        const problem = checkSpecifier(spec, name, allowed, file, pkgDir, manifests);
        if (problem) violations.push({ file: rel(file), message: problem });
        const workspace = workspacePackage(spec);
        if (workspace === undefined || workspace === `@bezgelor/${name}`) continue;
        imported.add(workspace);
        if (!problem && !declared.includes(workspace)) {
          violations.push({ file: rel(file), message: `${name} imports ${spec} but its package.json does not declare ${workspace}` });
        }
      }
    }
    for (const dep of declared) {
      if (dep.startsWith("@bezgelor/") && !imported.has(dep)) {
        violations.push({ file: `${name}/package.json`, message: `${name} declares ${dep} but never imports it` });
      }
    }
  }
  return violations;
}

/** "@bezgelor/db" for "@bezgelor/db/testing"; undefined for anything else. */
function workspacePackage(spec: string): string | undefined {
  const [scope, name] = spec.split("/");
  return scope === "@bezgelor" && name ? `${scope}/${name}` : undefined;
}

function checkSpecifier(
  spec: string,
  self: string,
  allowed: readonly string[],
  file: string,
  pkgDir: string,
  manifests: Map<string, PackageJson>,
): string | undefined {
  if (spec.startsWith(".")) {
    const target = resolve(dirname(file), spec);
    return target === pkgDir || target.startsWith(pkgDir + sep) ? undefined : `relative import "${spec}" leaves package ${self}`;
  }
  if (!spec.startsWith("@bezgelor/")) return undefined;
  const [, target = "", ...subPath] = spec.split("/");
  if (target !== self && !allowed.includes(target)) return `${self} may not import ${spec} (allowed: ${allowed.join(", ") || "none"})`;
  if (subPath.length === 0) return undefined;
  const entry = `./${subPath.join("/")}`;
  const exported = Object.keys(manifests.get(target)?.exports ?? {});
  return exported.includes(entry) ? undefined : `deep import ${spec}: ${target} exports only ${exported.join(", ")}`;
}
