// The architecture test: DESIGN.md's layers, checked on every source file of every folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const FOLDERS = ["app", "components", "lib", "db", "server", "publisher", "scripts"];
const SOURCE = /\.(ts|tsx|mjs)$/;
const TEST = /\.test\.(ts|tsx|mjs)$|\.helper\.mjs$/;

/** @param {string} dir @returns {string[]} */
function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "migrations" ? [] : sources(path);
    return SOURCE.test(e.name) && !TEST.test(e.name) ? [path] : [];
  });
}

/** Every import of a file: the specifier, and whether it brings in types only. */
function importsOf(source) {
  const found = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
    const spec = m[4] ?? m[5] ?? m[6] ?? m[7];
    found.push({ spec, typeOnly: Boolean(m[2]) || /^\{\s*(type\s+[^,}]+,?\s*)+\}$/.test((m[3] ?? "").trim()) });
  }
  return found;
}

/** The project file an import names, or null for a package or node built-in. */
function resolveLocal(file, spec) {
  let base;
  if (spec.startsWith("@/")) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = join(dirname(file), spec);
  else return null;
  for (const candidate of [base, ...[".ts", ".tsx", ".mjs"].map((x) => base + x), ...["index.ts", "index.tsx"].map((x) => join(base, x))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

const folderOf = (path) => relative(ROOT, path).split("/")[0];

const all = FOLDERS.flatMap((f) => sources(join(ROOT, f)));
const graph = new Map(all.map((file) => {
  const imports = importsOf(readFileSync(file, "utf8")).map((i) => ({ ...i, target: resolveLocal(file, i.spec) }));
  return [file, imports];
}));

test("publisher/ imports only node:* and its own files, so it runs with no npm install", () => {
  const offenders = [];
  for (const [file, imports] of graph) {
    if (folderOf(file) !== "publisher") continue;
    for (const i of imports) if (!i.spec.startsWith("node:") && !i.spec.startsWith("./")) offenders.push(`${relative(ROOT, file)}: ${i.spec}`);
  }
  assert.deepEqual(offenders, []);
});

test("each folder imports only the layers DESIGN.md allows", () => {
  /** folder -> [folders it may not import at run time, packages it may not import] */
  const rules = {
    lib: [["app", "components", "server", "db"], /^(react|react-dom|next|next-auth|better-sqlite3)(\/|$)/],
    db: [["app", "components", "server", "publisher"], /^(react|react-dom|next|next-auth)(\/|$)/],
    server: [["app", "components"], /^(react|react-dom)(\/|$)/],
    components: [["server", "db"], /^better-sqlite3(\/|$)/],
    scripts: [["app", "components"], /^$/],
  };
  const offenders = [];
  for (const [file, imports] of graph) {
    const rule = rules[folderOf(file)];
    if (!rule) continue;
    for (const i of imports) {
      if (i.typeOnly) continue;
      if (i.target && rule[0].includes(folderOf(i.target))) offenders.push(`${relative(ROOT, file)} imports ${i.spec}`);
      if (!i.target && rule[1].test(i.spec)) offenders.push(`${relative(ROOT, file)} imports the package ${i.spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test("no two files import each other, directly or in a ring (types included)", () => {
  const state = new Map();
  const rings = [];
  const visit = (file, path) => {
    state.set(file, "open");
    for (const { target } of graph.get(file) ?? []) {
      if (!target || !graph.has(target)) continue;
      if (state.get(target) === "open") rings.push([...path.slice(path.indexOf(target)), target].map((f) => relative(ROOT, f)).join(" -> "));
      else if (!state.has(target)) visit(target, [...path, target]);
    }
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
  assert.deepEqual(rings, []);
});

test("routes never write status changes to the database themselves: they go through server/", () => {
  const offenders = [];
  for (const [file, imports] of graph) {
    if (folderOf(file) !== "app") continue;
    for (const i of imports) if (/\/db\/(status|journal)$/.test(i.spec) && !i.typeOnly && /route\.ts$/.test(file)) offenders.push(`${relative(ROOT, file)} imports ${i.spec}`);
  }
  assert.deepEqual(offenders, []);
});
