import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "./connection";
import { seedDatabase } from "../server/seed";
import { migrate } from "./migrate";
import { createIncident, getIncident, listIncidents, SaveError, updateIncident } from "./incidents";
import { checkCredentials } from "./users";
import { droppedInUse, getCatalog, replaceCatalog, serviceSlugs } from "./services";
import { moveReview } from "./review";
import { unlistedServices } from "../lib/references";

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-db-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function freshDb() {
  process.env.SITREP_ADMIN_PASSWORD = "test-admin-password";
  const db = openDatabase(tempDir());
  seedDatabase(db);
  return db;
}

test("a fresh data directory gets a migrated, seeded database with WAL and foreign keys", () => {
  const db = freshDb();
  assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
  assert.equal(db.pragma("foreign_keys", { simple: true }), 1);
  assert.deepEqual(listIncidents(db).map((i) => i.slug), ["kinesis-2020-11-25"]);
  const pm = getIncident(db, "kinesis-2020-11-25")!;
  assert.equal(pm.version, 1);
  assert.equal(pm.timeline.find((e) => e.at === "2020-11-25T17:39:00.000Z")?.kind, "diagnosis");
  assert.deepEqual(pm.timeline.find((e) => e.text.startsWith("Cognito error rates rise"))?.services, ["cognito", "kinesis-data-streams"]);
  const catalog = getCatalog(db);
  const tool = catalog.services.find((s) => s.slug === "shd-posting-tool")!;
  assert.equal(tool.statusPath, true);
  assert.deepEqual(tool.dependsOn.map((d) => d.service), ["cognito"]);
  assert.ok(checkCredentials(db, "admin@localhost", "test-admin-password"));
  assert.equal(checkCredentials(db, "admin@localhost", "wrong"), null);
  db.close();
});

test("the stored postmortem reads back exactly as it was imported", () => {
  const db = freshDb();
  const pm = getIncident(db, "kinesis-2020-11-25")!;
  const { version, updatedAt, ...plain } = pm;
  const copy = { ...plain, slug: "copy" };
  const created = createIncident(db, copy, "tester");
  const { version: v2, updatedAt: u2, ...readBack } = created;
  assert.deepEqual(readBack, copy);
  assert.equal(v2, 1);
  void version; void updatedAt; void u2;
  db.close();
});

test("a stale save is refused with the current version and changes nothing", () => {
  const db = freshDb();
  const base = getIncident(db, "kinesis-2020-11-25")!;
  const first = updateIncident(db, base.slug, { ...base, title: "First editor" }, 1, "alice");
  assert.equal(first.version, 2);
  assert.throws(
    () => updateIncident(db, base.slug, { ...base, title: "Second editor" }, 1, "bob"),
    (err: unknown) => err instanceof SaveError && err.status === 409 && err.current?.title === "First editor",
  );
  assert.equal(getIncident(db, base.slug)!.title, "First editor");
  const revisions = db.prepare("SELECT version, author, summary FROM revisions ORDER BY version").all();
  assert.deepEqual(revisions, [
    { version: 1, author: "seed", summary: "created the postmortem" },
    { version: 2, author: "alice", summary: "changed the title" },
  ]);
  db.close();
});

test("a draft naming a service the catalog does not list is saved with it, and only publishing as final refuses it", () => {
  const db = freshDb();
  const base = getIncident(db, "kinesis-2020-11-25")!;
  const waf = { ...base, causes: [...base.causes, { kind: "contributing" as const, text: "WAF rule", services: ["waf"], events: [], tags: [] }],
    impactWindows: [...base.impactWindows, { service: "waf", condition: "major" as const, start: "2020-11-25T13:15:00.000Z", end: null, origin: true }],
    timeline: [...base.timeline, { ...base.timeline[0], text: "WAF CPU at 100%", services: ["waf", "cognito"] }] };
  const saved = updateIncident(db, base.slug, waf, 1, "alice");
  assert.equal(saved.version, 2);
  assert.ok(saved.causes.some((c) => c.services.includes("waf")));
  assert.ok(saved.impactWindows.some((w) => w.service === "waf"));
  assert.deepEqual(saved.timeline.find((e) => e.text === "WAF CPU at 100%")?.services, ["waf", "cognito"]);
  const flagged = unlistedServices(saved, serviceSlugs(db));
  assert.equal(flagged.length, 1);
  assert.equal(flagged[0].slug, "waf");
  assert.match(flagged[0].message, /"waf" is not in the service catalog yet \(named by Impact window \d+, Contributing factor \d+, Timeline event \d+\)/);
  assert.deepEqual(droppedInUse(db, getCatalog(db)), [], "a name the catalog never listed is not being dropped from it");
  const withoutCognito = { services: getCatalog(db).services.filter((s) => s.slug !== "cognito").map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => d.service !== "cognito") })) };
  assert.match(droppedInUse(db, withoutCognito)[0], /^services: "cognito" is still used by incident "kinesis-2020-11-25"/);

  const draft = base.postmortemStatus === "draft" ? saved : moveReview(db, base.slug, "draft", 2, "alice");
  const inReview = moveReview(db, base.slug, "in_review", draft.version, "alice");
  assert.throws(() => moveReview(db, base.slug, "published", inReview.version, "alice"),
    (err: unknown) => err instanceof SaveError && err.status === 400 && /"waf" is not in the service catalog yet.*before publishing/.test(err.problems[0]));
  assert.equal(getIncident(db, base.slug)!.postmortemStatus, "in_review");
  const catalog = getCatalog(db);
  replaceCatalog(db, { services: [...catalog.services, { slug: "waf", name: "WAF", description: "", public: false, group: "Edge", statusPath: false, dependsOn: [] }] });
  assert.equal(moveReview(db, base.slug, "published", inReview.version, "alice").postmortemStatus, "published");
  db.close();
});

test("a cause linked to a time no event has is refused by field name and nothing is half-saved", () => {
  const db = freshDb();
  const base = getIncident(db, "kinesis-2020-11-25")!;
  const bad = { ...base, causes: [{ ...base.causes[0], events: ["2001-01-01T00:00:00.000Z"] }, ...base.causes.slice(1)] };
  assert.throws(() => updateIncident(db, base.slug, bad, 1, "alice"), /causes\.0\.events: no timeline event at 2001-01-01T00:00:00.000Z/);
  const after = getIncident(db, base.slug)!;
  assert.equal(after.version, 1);
  assert.deepEqual(after.causes, base.causes);
  db.close();
});

test("a save with no change makes no revision; a real change is described in words", () => {
  const db = freshDb();
  const base = getIncident(db, "kinesis-2020-11-25")!;
  const { version: _v, updatedAt: _u, ...plain } = base;
  // Keys in another order and a fresh copy of every list: still the same postmortem.
  const shuffled = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(plain).reverse())));
  const same = updateIncident(db, base.slug, shuffled, 1, "alice");
  assert.equal(same.version, 1);
  assert.equal(db.prepare("SELECT count(*) FROM revisions").pluck().get(), 1);
  const changed = updateIncident(db, base.slug, { ...plain, title: "Renamed", actionItems: plain.actionItems.slice(1) }, 1, "alice");
  assert.equal(changed.version, 2);
  assert.equal(db.prepare("SELECT summary FROM revisions WHERE version = 2").pluck().get(), "changed the title; removed 1 action item");
  db.close();
});

test("the migration runner applies new numbered files once, in order, and records them", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "m"));
  writeFileSync(join(dir, "m", "002_second.sql"), "INSERT INTO t VALUES (2);");
  writeFileSync(join(dir, "m", "001_first.sql"), "CREATE TABLE t (v INTEGER);");
  const db = new Database(join(dir, "x.db"));
  assert.deepEqual(migrate(db, join(dir, "m")), ["001_first.sql", "002_second.sql"]);
  assert.deepEqual(migrate(db, join(dir, "m")), []);
  writeFileSync(join(dir, "m", "003_bad.sql"), "INSERT INTO t VALUES (3); INSERT INTO nowhere VALUES (1);");
  assert.throws(() => migrate(db, join(dir, "m")));
  assert.deepEqual(db.prepare("SELECT v FROM t ORDER BY v").pluck().all(), [2]);
  assert.deepEqual(db.prepare("SELECT name FROM migrations ORDER BY id").pluck().all(), ["001_first.sql", "002_second.sql"]);
  db.close();
});
