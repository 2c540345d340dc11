import { test } from "node:test";
import assert from "node:assert/strict";
import { getIncident, listIncidents } from "../db/incidents";
import { makeTarGz, makeZip } from "../lib/archive/make-archive";
import { importBatch } from "./import";
import { freshDb } from "./fresh-data-dir.helper";

const doc = (title: string, extra = "") => Buffer.from(`# ${title}\n\nDate: 2023-02-14 (all times UTC)\n\n## Timeline\n\n- 14:02 deploy\n- 14:09 errors begin; alert fires\n- 14:21 rolled back\n- 14:42 back to normal\n${extra}`);

test("a batch with bad files: each gets its own clear error and the rest still import", () => {
  const db = freshDb("import");
  const archive = makeZip([
    { name: "../../x.md", data: doc("Escaper") },
    { name: "bomb.md", data: Buffer.alloc(30_000_000) },
    { name: "notes/ok-in-zip.md", data: doc("From the zip") },
    { name: "diagram.png", data: Buffer.from([0x89, 0x50, 0, 0]) },
  ]);
  const report = importBatch(db, [
    { name: "good.md", bytes: doc("Good one") },
    { name: "empty.md", bytes: new Uint8Array() },
    { name: "binary.md", bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]) },
    { name: "huge.md", bytes: Buffer.alloc(20_000_000, 65) },
    { name: "latin1.md", bytes: Buffer.from("# Caf\xe9\n\n## Summary\n\nx\n", "latin1") },
    { name: "archive.zip", bytes: archive },
    { name: "tarball.tgz", bytes: makeTarGz([{ name: "pm/from-tar.md", data: doc("From the tar") }]) },
  ], { author: "tester", save: true });
  const by = Object.fromEntries(report.files.map((f) => [f.name, f]));
  assert.equal(by["good.md"].ok, true);
  assert.equal(by["notes/ok-in-zip.md"].ok, true);
  assert.equal(by["pm/from-tar.md"].ok, true);
  assert.equal(by["empty.md"].error, "empty file");
  assert.match(by["binary.md"].error!, /binary/);
  assert.match(by["huge.md"].error!, /larger than 1 MB \(20\.0 MB\)/);
  assert.match(by["latin1.md"].error!, /UTF-8/);
  assert.match(by["../../x.md"].error!, /leaves the archive/);
  assert.match(by["bomb.md"].error!, /larger than 1 MB when unpacked/);
  assert.equal(by["diagram.png"].skipped, true);
  assert.deepEqual(report.total, { files: 10, imported: 3, created: 3, updated: 0, failed: 6, skipped: 1 });
  const titles = listIncidents(db).map((i) => i.title).sort();
  assert.deepEqual(titles, ["From the tar", "From the zip", "Good one", "Kinesis Data Streams outage in us-east-1"]);
  const good = getIncident(db, by["good.md"].slug!)!;
  assert.equal(good.milestones.mitigated, "2023-02-14T14:21:00.000Z", "milestones derived");
  assert.ok(by["good.md"].derived.some((d) => d.milestone === "impact_start"));
});

test("importing the same file again updates that postmortem instead of adding a duplicate", () => {
  const db = freshDb("import");
  const first = importBatch(db, [{ name: "2023/checkout.md", bytes: doc("Checkout latency") }], { author: "tester", save: true });
  const slug = first.files[0].slug!;
  const again = importBatch(db, [{ name: "2023/checkout.md", bytes: doc("Checkout latency, revised", "- 15:00 follow-up call\n") }], { author: "tester", save: true });
  assert.equal(again.files[0].action, "update");
  assert.equal(again.files[0].slug, slug);
  assert.equal(listIncidents(db).length, 2);
  const pm = getIncident(db, slug)!;
  assert.equal(pm.version, 2);
  assert.equal(pm.title, "Checkout latency, revised");
  assert.equal(pm.timeline.length, 5);
  const revision = db.prepare("SELECT summary FROM revisions WHERE version = 2").pluck().get();
  assert.equal(revision, "imported again from 2023/checkout.md");
  // Another file with the same title is a different postmortem, with a free slug.
  const other = importBatch(db, [{ name: "elsewhere/checkout.md", bytes: doc("Checkout latency") }], { author: "tester", save: true });
  assert.equal(other.files[0].action, "create");
  assert.notEqual(other.files[0].slug, slug);
  assert.ok(other.files[0].notes.some((n) => /is taken/.test(n)));
});

test("a preview saves nothing and says what a save would do", () => {
  const db = freshDb("import");
  const preview = importBatch(db, [{ name: "a.md", bytes: doc("Preview only") }], { author: "tester", save: false });
  assert.equal(preview.files[0].action, "create");
  assert.equal(preview.files[0].postmortem?.timeline.length, 4);
  assert.equal(listIncidents(db).length, 1);
});

test("references to services outside the catalog are left out with a note, not refused", () => {
  const db = freshDb("import");
  const md = "---\ndate: 2023-02-14\nimpact_windows:\n  - service: nowhere\n    condition: major\n    start: 10:00 UTC\n---\n# Refs\n\n## Timeline\n\n- 10:00 UTC errors begin [services: nowhere, lambda]\n";
  const report = importBatch(db, [{ name: "refs.md", bytes: Buffer.from(md) }], { author: "tester", save: true });
  assert.equal(report.files[0].ok, true, report.files[0].error);
  const pm = getIncident(db, report.files[0].slug!)!;
  assert.deepEqual(pm.timeline[0].services, ["lambda"]);
  assert.equal(pm.impactWindows.length, 0);
  assert.match(pm.supporting, /nowhere: major/);
  assert.ok(report.files[0].notes.some((n) => /"nowhere" is not in the catalog/.test(n)));
});

test("two loose files with the same name in one import: the second is refused rather than overwriting the first", () => {
  const db = freshDb("import");
  const report = importBatch(db, [{ name: "postmortem.md", bytes: doc("First") }, { name: "postmortem.md", bytes: doc("Second") }], { author: "tester", save: true });
  assert.equal(report.files[0].ok, true);
  assert.match(report.files[1].error!, /same name/);
  assert.equal(getIncident(db, report.files[0].slug!)!.title, "First");
  const again = importBatch(db, [{ name: "postmortem.md", bytes: doc("First, edited") }], { author: "tester", save: false });
  assert.deepEqual(again.files[0].replaces?.version, 1);
});

test("imports land as drafts whatever their front matter says, unless the batch keeps the status", () => {
  const db = freshDb("import");
  const published = (title: string) => Buffer.from(`---\npostmortem_status: published\n---\n${doc(title).toString()}`);
  const report = importBatch(db, [{ name: "said-published.md", bytes: published("Said published") }], { author: "tester", save: true });
  const slug = report.files[0].slug!;
  assert.equal(getIncident(db, slug)?.postmortemStatus, "draft");
  assert.ok(report.files[0].notes.some((n) => /postmortem_status: the document says published; imported as a draft/.test(n)));
  const kept = importBatch(db, [{ name: "kept.md", bytes: published("Kept published") }], { author: "admin", save: true, keepStatus: true });
  assert.equal(getIncident(db, kept.files[0].slug!)?.postmortemStatus, "published");
});
