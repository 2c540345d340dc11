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
import { getCatalog } from "./services";

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
    { version: 1, author: "seed", summary: "created" },
    { version: 2, author: "alice", summary: "title" },
  ]);
  db.close();
});

test("unknown services are refused by field name and nothing is half-saved", () => {
  const db = freshDb();
  const base = getIncident(db, "kinesis-2020-11-25")!;
  const bad = { ...base, timeline: [...base.timeline, { ...base.timeline[0], services: ["no-such-service"] }] };
  assert.throws(() => updateIncident(db, base.slug, bad, 1, "alice"), /timeline\.21\.services: unknown service "no-such-service"/);
  const after = getIncident(db, base.slug)!;
  assert.equal(after.version, 1);
  assert.equal(after.timeline.length, 21);
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
