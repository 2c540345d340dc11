import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { makeZip } from "../lib/archive/make-archive";

const tsx = join("node_modules", "tsx", "dist", "cli.mjs");
const doc = (title: string) => `# ${title}\n\nDate: 2023-02-14 (all times UTC)\n\n## Timeline\n\n- 14:02 errors begin\n- 14:09 alert fires\n- 14:42 back to normal\n`;

function run(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [tsx, "scripts/import.mjs", ...args], {
    encoding: "utf8", env: { ...process.env, SITREP_DATA_DIR: dataDir, SITREP_ADMIN_PASSWORD: "cli-test-password" },
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

test("npm run import -- DIR: a report per file and a total; a second run updates instead of duplicating", (t) => {
  const root = mkdtempSync(join(tmpdir(), "sitrep-import-cli-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, "postmortems");
  mkdirSync(join(dir, "2023"), { recursive: true });
  writeFileSync(join(dir, "2023", "checkout.md"), doc("Checkout errors"));
  writeFileSync(join(dir, "broken.md"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  writeFileSync(join(dir, "old.zip"), makeZip([{ name: "dns.md", data: doc("DNS errors") }, { name: "../../evil.md", data: doc("Evil") }]));
  const data = join(root, "data");

  const dry = run([dir, "--dry-run"], data);
  assert.match(dry.out, /would create 2023\/checkout\.md -> checkout-errors-2023-02-14/);
  assert.match(dry.out, /nothing saved/);

  const first = run([dir], data);
  assert.equal(first.status, 1, first.out); // some files failed
  assert.match(first.out, /✓ created\s+2023\/checkout\.md/);
  assert.match(first.out, /✓ created\s+dns\.md/);
  assert.match(first.out, /✗ failed\s+broken\.md: not text/);
  assert.match(first.out, /✗ failed\s+\.\.\/\.\.\/evil\.md: refused: path leaves the archive/);
  assert.match(first.out, /derived detected from "alert fires"/);
  assert.match(first.out, /4 files: 2 imported \(2 new, 0 updated\), 2 failed, 0 skipped/);

  const second = run([dir], data);
  assert.match(second.out, /2 imported \(0 new, 2 updated\)/);
  const db = new Database(join(data, "sitrep.db"), { readonly: true });
  assert.equal(db.prepare("SELECT count(*) FROM incidents WHERE source_key IS NOT NULL").pluck().get(), 2);
  db.close();

  assert.equal(run([], data).status, 2);
  assert.match(run([join(root, "missing")], data).out, /is not a folder/);
});
