// npm run import -- DIR [--dry-run] [--author NAME] [--keep-status] [--json]
// Imports every Markdown file (and every zip / tar.gz archive) under DIR into the database in
// SITREP_DATA_DIR, with a report per file and a total. Importing the same files again updates the
// postmortems they made. Exit status: 0 all imported, 1 some files failed, 2 bad usage.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { openDatabase } from "../db/connection.ts";
import { seedDatabase } from "../server/seed.ts";
import { importBatch } from "../server/import.ts";
import { LIMITS } from "../lib/archive/read-archive.ts";

const USAGE = "usage: npm run import -- DIR [--dry-run] [--author NAME] [--keep-status] [--json]";
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? false : (args.splice(i, 1), true);
};
const option = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
if (flag("--help") || flag("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const dryRun = flag("--dry-run");
const json = flag("--json");
const keepStatus = flag("--keep-status");
const author = option("--author") ?? "import";
const [dir, ...extra] = args;
if (!dir || extra.length || dir.startsWith("-")) {
  console.error(USAGE);
  process.exit(2);
}
let isDir = false;
try {
  isDir = statSync(dir).isDirectory();
} catch {
  // reported below
}
if (!isDir) {
  console.error(`import: "${dir}" is not a folder\n${USAGE}`);
  process.exit(2);
}

const IMPORTABLE = /\.(md|markdown|mdown|txt|zip|tar\.gz|tgz)$/i;
function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith(".") || e.name === "node_modules") return [];
    const path = join(folder, e.name);
    if (e.isDirectory()) return walk(path);
    return e.isFile() && IMPORTABLE.test(e.name) ? [path] : [];
  });
}

const files = walk(dir).sort().map((path) => {
  const name = relative(dir, path).split(sep).join("/");
  // A file far over every limit is not read into memory at all; its report still says why.
  const size = statSync(path).size;
  return { name, bytes: size > LIMITS.uploadBytes ? Buffer.alloc(LIMITS.fileBytes + 1) : readFileSync(path) };
});
if (!files.length) {
  console.error(`import: no Markdown files or archives under "${dir}"`);
  process.exit(2);
}

const db = openDatabase();
seedDatabase(db); // a database the app has not created yet gets the catalog (and admin) it would get on first start
const report = importBatch(db, files, { author, save: !dryRun, keepStatus });
db.close();

if (json) console.log(JSON.stringify({ ...report, files: report.files.map(({ postmortem, ...f }) => f) }, null, 2));
else {
  for (const f of report.files) {
    if (!f.ok) {
      console.log(`${f.skipped ? "- skipped" : "✗ failed "}  ${f.name}: ${f.error}`);
      continue;
    }
    const verb = dryRun ? `would ${f.action}` : f.action === "create" ? "created" : "updated";
    const c = f.counts;
    console.log(`✓ ${verb.padEnd(8)} ${f.name} -> ${f.slug} (${c.events} events, ${c.actionItems} action items, ${c.lessons} lessons)`);
    for (const d of f.derived) console.log(`    derived ${d.milestone} from "${d.from}"`);
    for (const n of f.notes) console.log(`    note: ${n}`);
    for (const u of f.unmapped) console.log(`    kept under Supporting information: ${u}`);
  }
  const t = report.total;
  console.log(`\n${t.files} files: ${t.imported} ${dryRun ? "would import" : "imported"} (${t.created} new, ${t.updated} updated), ${t.failed} failed, ${t.skipped} skipped${dryRun ? " — dry run, nothing saved" : ""}`);
}
process.exit(report.total.failed ? 1 : 0);
