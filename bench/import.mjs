import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measure } from "./lib.mjs";
import { openDatabase } from "../db/connection.ts";
import { makeZip } from "../lib/archive/make-archive.ts";
import { importPostmortem } from "../lib/markdown/import.ts";
import { importBatch } from "../server/import.ts";

/** 2,000 events the way people write them by hand: a heading per day, a heading per event, text and bullets under it. */
function headingPerEvent(n) {
  const lines = ["# Synthetic long incident", "", "Date: 2024-06-01", "All times in UTC.", "", "## Timeline", ""];
  const start = Date.parse("2024-06-01T00:00:00Z");
  let day = "";
  for (let i = 0; i < n; i++) {
    const at = new Date(start + i * 300_000).toISOString();
    if (at.slice(0, 10) !== day) lines.push(`### ${(day = at.slice(0, 10))}`, "");
    lines.push(`#### ${at.slice(11, 16)}`, "", `Event ${i}: the on-call engineer checked the dashboards.`, "", `- error rate ${i % 50} %`, `- paged @oncall-${i % 5}`, "");
  }
  return lines.join("\n");
}

function listUnderDays(n) {
  const lines = ["# Synthetic long incident", "", "## Timeline (UTC)", ""];
  const start = Date.parse("2024-06-01T00:00:00Z");
  let day = "";
  for (let i = 0; i < n; i++) {
    const at = new Date(start + i * 300_000).toISOString();
    if (at.slice(0, 10) !== day) lines.push("", `**${(day = at.slice(0, 10))}**`, "");
    lines.push(`- **${at.slice(11, 16)}** Event ${i}: something was observed and written down.`);
  }
  return lines.join("\n");
}

/** 200 files from the corpus shapes, each with its own name, in one zip. */
function archiveOf(count) {
  const dir = join(import.meta.dirname, "..", "lib", "markdown", "fixtures", "corpus");
  const docs = readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(dir, f)));
  return makeZip(Array.from({ length: count }, (_, i) => ({ name: `archive/${2000 + (i % 20)}/pm-${i}.md`, data: docs[i % docs.length] })));
}

/** The importer on its own, and a whole archive through the batch service into a real SQLite file. */
export async function importRows({ runs = 9 } = {}) {
  const headed = headingPerEvent(2000);
  const listed = listUnderDays(2000);
  const check = importPostmortem(headed).postmortem.timeline.length;
  if (check !== 2000) throw new Error(`heading-per-event document gave ${check} events`);
  const headedMs = await measure(runs, () => importPostmortem(headed));
  const listedMs = await measure(runs, () => importPostmortem(listed));

  const zip = archiveOf(200);
  process.env.SITREP_ADMIN_PASSWORD = "bench-password";
  const dirs = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-import-"));
    dirs.push(dir);
    return openDatabase(dir);
  };
  try {
    const batch = async (save) => measure(5, () => {
      const db = fresh();
      const t0 = performance.now();
      const report = importBatch(db, [{ name: "archive.zip", bytes: zip }], { author: "bench", save });
      const ms = performance.now() - t0;
      db.close();
      if (report.total.imported !== 200) throw new Error(`archive: ${report.total.imported} of 200 imported`);
      return ms;
    });
    await batch(false); // warm-up: the first pass compiles the importer's code paths
    const preview = await batch(false);
    const saved = await batch(true);
    return [
      { name: "import 2,000-event document, heading per event with bullets", unit: "ms", target: "< 200 ms", ...headedMs },
      { name: "import 2,000-event document, bold times under day lines", unit: "ms", target: "< 200 ms", ...listedMs },
      { name: "preview 200-file zip archive (unpack + import)", unit: "ms", ...preview },
      { name: "import 200-file zip archive (unpack + import + save)", unit: "ms", ...saved },
    ];
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
