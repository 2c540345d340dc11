import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

test("publisher/ imports only node:* and its own files, so it runs with no npm install", () => {
  const dir = import.meta.dirname;
  const offenders = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".mjs"))) {
    const source = readFileSync(join(dir, file), "utf8");
    for (const m of source.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith("node:") && !spec.startsWith("./")) offenders.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
