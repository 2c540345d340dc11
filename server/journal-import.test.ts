import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/connection";
import { getIncident, updateIncident } from "../db/incidents";
import { listJournalProblems } from "../db/journal";
import { addSubscriber } from "../db/subscribers";
import { postUpdate, publishCustomerPostmortem, startIncident } from "../publisher/apply.mjs";
import { publish } from "../publisher/publish.mjs";
import { generateKeys, signEntry } from "../publisher/signing.mjs";
import { importJournal } from "./journal-import";
import { freshDataDir } from "./fresh-data-dir.helper";
import { seedDatabase } from "./seed";
import { signAppEntry } from "./journal-trust";

const fresh = () => freshDataDir("import");

const backup = { author: "operator", origin: "backup" as const };
const app = { author: "admin@localhost", origin: "app" as const, sign: signAppEntry };
const comms = (db: ReturnType<typeof openDatabase>, slug: string) => getIncident(db, slug)!.timeline.filter((e) => e.kind === "communication").map((e) => e.text.split(": ").pop());

test("the seeded site's updates reach the database only through the journal", async () => {
  const { db } = await fresh();
  const pm = getIncident(db, "kinesis-2020-11-25")!;
  assert.ok(comms(db, pm.slug).length >= 3, "the Kinesis status updates are on its timeline");
  assert.equal(pm.version, 1, "taking them in made no revision");
});

test("updates from both doors are taken in once, in order, without disturbing an open editor", async () => {
  const { db, site } = await fresh();
  const started = await publish(site, (s, ctx) => startIncident(s, { name: "Logins failing", body: "From the CLI.", components: { cognito: "major_outage" } }, ctx), backup);
  importJournal(db);
  const slug = (db.prepare("SELECT incident_slug FROM status_incidents WHERE id = ?").pluck().get(started.incident!.id)) as string;
  const opened = getIncident(db, slug)!;
  await publish(site, (s, ctx, find) => postUpdate(s, find(started.incident!.id)!, { status: "identified", body: "From the app." }, ctx), app);
  importJournal(db);
  importJournal(db);
  assert.deepEqual(comms(db, slug), ["From the CLI.", "From the app."]);
  const now = getIncident(db, slug)!;
  assert.equal(now.version, opened.version, "status events never bump the version an editor is based on");
  assert.equal(now.status, "identified");
  const { version: _v, updatedAt: _u, ...edited } = opened;
  const saved = updateIncident(db, slug, { ...edited, summary: "Written while the update came in." }, opened.version, "editor");
  assert.deepEqual(comms(db, saved.slug), ["From the CLI.", "From the app."], "the editor's save keeps the status event it never saw");
  assert.equal(saved.status, "identified");
});

test("bad journal lines are skipped, counted and shown with their line numbers; the entry after a cut-off line is taken in", async () => {
  const { db, site, journal } = await fresh();
  const lines = readFileSync(journal, "utf8").split("\n").length - 1;
  appendFileSync(journal, "null\nnot json at all\n");
  appendFileSync(journal, readFileSync(journal, "utf8").split("\n")[0] + "\n"); // a duplicated entry id
  appendFileSync(journal, '{"id":"cut-short","at":"2026-');
  const r = await publish(site, (s, ctx) => startIncident(s, { name: "After the damage", body: "Still taken in." }, ctx), backup);
  const result = importJournal(db);
  assert.equal(result.imported, 1);
  assert.ok(db.prepare("SELECT 1 FROM status_updates WHERE id = ?").get(r.update!.id));
  const problems = listJournalProblems(db).map((p) => [p.line, p.reason]);
  assert.deepEqual(problems, [
    [lines + 1, "not a journal entry (not a JSON object)"],
    [lines + 2, "not valid JSON (cut short or damaged)"],
    [lines + 4, "not valid JSON (cut short or damaged)"],
  ]);
});

test("what anyone who can write the site's folder might add is refused", async () => {
  const { db, site, journal } = await fresh();
  const { privateKey, publicKey } = generateKeys();
  // The operator creates a key (published on the site, as `keygen` does) and signs from then on.
  const sign = (entry: object) => ({ sig: signEntry(entry as Record<string, unknown>, privateKey) });
  await publish(site, (s, ctx) => ({ state: { ...s, page: { ...s.page, journal_key: publicKey, journal_key_since: ctx.now } }, incident: null }), { ...backup, sign, kind: "keygen" });
  const signed = await publish(site, (s, ctx) => startIncident(s, { name: "Signed", body: "Genuine." }, ctx), { ...backup, sign });
  importJournal(db);
  const seen = (id: string) => Boolean(db.prepare("SELECT 1 FROM status_updates WHERE id = ?").get(id));
  assert.ok(seen(signed.update!.id));
  // A forged entry, unsigned and dated before the key existed; a forged "app" entry; an unsigned undo.
  const forged = await publish(site, (s, ctx) => startIncident(s, { name: "Forged", body: "Backdated." }, ctx), { ...backup, now: "2019-01-01T00:00:00.000Z" });
  const fakeApp = await publish(site, (s, ctx) => startIncident(s, { name: "Fake app", body: "No app signature." }, ctx), { author: "admin@localhost", origin: "app" });
  await publish(site, (s) => ({ state: s, incident: null }), { ...backup, kind: "undo", undoes: signed.entry.id });
  // A new key swapped into the site's state, signing a further entry.
  const other = generateKeys();
  const swapped = await publish(site, (s, ctx) => startIncident(s, { name: "Other key", body: "Signed with a swapped key." }, ctx),
    { ...backup, sign: (e: object) => ({ sig: signEntry(e as Record<string, unknown>, other.privateKey) }) });
  const state = join(site, "state.json");
  writeFileSync(state, readFileSync(state, "utf8").replace(JSON.stringify(publicKey).slice(1, -1), JSON.stringify(other.publicKey).slice(1, -1)));
  const result = importJournal(db);
  assert.equal(result.imported, 0);
  assert.equal(result.refused.length, 4, result.refused.join("\n"));
  for (const id of [forged.update!.id, fakeApp.update!.id, swapped.update!.id]) assert.ok(!seen(id), `${id} was refused`);
  assert.ok(seen(signed.update!.id), "an unsigned undo cannot withdraw a signed update");
  void journal;
});

test("a CLI update taken in by the app reaches subscribers once; one published long before is recorded but not sent", async () => {
  const { db, site } = await fresh();
  addSubscriber(db, { kind: "webhook", target: "http://127.0.0.1:9/hook", components: [] });
  await publish(site, (s, ctx) => startIncident(s, { name: "From the CLI", body: "Now." }, ctx), backup);
  const late = await publish(site, (s, ctx) => startIncident(s, { name: "Old news", body: "Days ago." }, ctx), { ...backup, now: "2020-01-01T00:00:00.000Z" });
  importJournal(db);
  importJournal(db);
  const queued = db.prepare("SELECT payload FROM deliveries").pluck().all() as string[];
  assert.equal(queued.filter((p) => p.includes("From the CLI")).length, 1);
  assert.ok(!queued.some((p) => p.includes("Old news")));
  assert.ok(db.prepare("SELECT 1 FROM status_updates WHERE id = ?").get(late.update!.id), "still recorded");
});

test("a deleted database is rebuilt from the journal: the updates of both doors come back", async () => {
  const { dir, db, site } = await fresh();
  const cli = await publish(site, (s, ctx) => startIncident(s, { name: "CLI incident", body: "From the CLI." }, ctx), backup);
  const fromApp = await publish(site, (s, ctx, find) => postUpdate(s, find(cli.incident!.id)!, { body: "From the app." }, ctx), app);
  importJournal(db);
  const before = (db.prepare("SELECT id FROM status_updates ORDER BY id").pluck().all() as string[]);
  db.close();
  for (const f of ["sitrep.db", "sitrep.db-wal", "sitrep.db-shm"]) rmSync(join(dir, f), { force: true });
  (globalThis as { __sitrepJournalRead?: unknown }).__sitrepJournalRead = undefined;
  const rebuilt = openDatabase(dir);
  seedDatabase(rebuilt, { postmortems: false });
  importJournal(rebuilt);
  const after = rebuilt.prepare("SELECT id FROM status_updates ORDER BY id").pluck().all() as string[];
  assert.deepEqual(after, before);
  assert.ok(after.includes(fromApp.update!.id) && after.includes(cli.update!.id));
  rebuilt.close();
});

test("a correction of a resolved incident's update and a rollback, made with the CLI, are taken in once and in order", async () => {
  const { db, site } = await fresh();
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "publisher", "cli.mjs"), ...args, "--site", site, "--yes"], { encoding: "utf8", env: { ...process.env, SITREP_OPERATOR: "Sam" } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    return r.stdout;
  };
  run("post", "--name", "Logins failing", "--component", "cognito=major", "--message", "Logins fail everywhere.");
  run("resolve", "--incident", "latest", "--message", "Fixed.");
  importJournal(db);
  const id = JSON.parse(readFileSync(join(site, "state.json"), "utf8")).incidents.find((i: { name: string }) => i.name === "Logins failing").id as string;
  const slug = db.prepare("SELECT incident_slug FROM status_incidents WHERE id = ?").pluck().get(id) as string;
  assert.deepEqual(comms(db, slug), ["Logins fail everywhere.", "Fixed."]);
  const first = JSON.parse(readFileSync(join(site, "state.json"), "utf8")).incidents.find((i: { id: string }) => i.id === id).incident_updates.at(-1).id as string;
  run("edit", "--incident", id, "--update", first, "--message", "Logins failed in the EU only.");
  const history = () => JSON.parse(spawnSync(process.execPath, [join(import.meta.dirname, "..", "publisher", "cli.mjs"), "history", "--json", "--limit", "100", "--site", site], { encoding: "utf8" }).stdout) as { n: number; kind: string }[];
  const editedAt = history().at(-1)!;
  assert.equal(editedAt.kind, "edit");
  run("post", "--name", "Posted by mistake", "--message", "Ignore me.");
  run("rollback", "--to", String(editedAt.n));
  const result = importJournal(db);
  assert.deepEqual([result.corrected, result.withdrawn, result.imported], [1, 1, 1], "the edit, the mistaken post and its withdrawal, in journal order");
  assert.deepEqual(comms(db, slug), ["Logins failed in the EU only.", "Fixed."]);
  assert.equal(db.prepare("SELECT body FROM status_updates WHERE id = ?").pluck().get(first), "Logins failed in the EU only.");
  assert.equal(db.prepare("SELECT count(*) FROM status_updates WHERE body = 'Ignore me.'").pluck().get(), 0);
  const again = importJournal(db);
  assert.deepEqual([again.corrected, again.withdrawn, again.imported], [0, 0, 0], "each entry is taken in once");
  assert.deepEqual(history().slice(-3).map((h) => h.kind), ["edit", "update", "rollback"]);
});

test("a customer postmortem published quietly is recorded but not sent; published with a notice, subscribers hear of it once", async () => {
  const { db, site } = await fresh();
  addSubscriber(db, { kind: "webhook", target: "http://127.0.0.1:9/hook", components: [] });
  const made = async (name: string) => {
    const started = await publish(site, (s, ctx) => startIncident(s, { name, body: "Now." }, ctx), app);
    await publish(site, (s, ctx, find) => postUpdate(s, find(started.incident!.id)!, { status: "resolved", body: "Fixed." }, ctx), app);
    return started.incident!.id;
  };
  const quiet = await made("Quiet one");
  const told = await made("Told one");
  const pm = (id: string, extra: Record<string, unknown>, note: string) => publish(site, (s, ctx, find) =>
    publishCustomerPostmortem(s, find(id)!, { slug: `pm-${id.toLowerCase()}`, html: "<p>x</p>", body: "What happened.", note }, ctx), { ...app, kind: "postmortem", extra });
  const q = await pm(quiet, { quiet: true }, "Quiet postmortem note.");
  const t = await pm(told, {}, "Told postmortem note.");
  importJournal(db);
  importJournal(db);
  const queued = db.prepare("SELECT payload FROM deliveries").pluck().all() as string[];
  assert.equal(queued.filter((p) => p.includes("Told postmortem note.")).length, 1);
  assert.ok(!queued.some((p) => p.includes("Quiet postmortem note.")));
  for (const r of [q, t]) assert.ok(db.prepare("SELECT 1 FROM status_updates WHERE id = ?").get(r.update!.id), "both are recorded");
});
