import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendJournal, classifyEntries, readJournalFrom } from "./journal.mjs";

function tempJournal() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-journal-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "journal.jsonl");
}

const entry = (id, release, previous = null) => ({ id, at: "2026-01-01T00:00:00.000Z", author: "a", origin: "backup", kind: "change", release, previous, incident: null, update: null });

test("reading from an offset returns each entry once, and leaves a line still being written for later", () => {
  const path = tempJournal();
  assert.deepEqual(readJournalFrom(path, 0), { entries: [], end: 0, skipped: [], nextLine: 1 });
  appendJournal(path, entry("a", "r1"));
  appendJournal(path, entry("b", "r2", "r1"));
  const first = readJournalFrom(path, 0);
  assert.deepEqual(first.entries.map((e) => [e.id, e.line]), [["a", 1], ["b", 2]]);
  assert.equal(readJournalFrom(path, first.entries[1].start, 2).entries[0].id, "b", "each entry says where it starts");
  const d = JSON.stringify(entry("d", "r4", "r3"));
  appendFileSync(path, `${JSON.stringify(entry("c", "r3", "r2"))}\n${d.slice(0, 15)}`);
  const second = readJournalFrom(path, first.end, first.nextLine);
  assert.deepEqual(second.entries.map((e) => [e.id, e.line]), [["c", 3]]);
  appendFileSync(path, `${d.slice(15)}\n`);
  assert.deepEqual(readJournalFrom(path, second.end, second.nextLine).entries.map((e) => e.id), ["d"]);
  assert.deepEqual(readJournalFrom(path, 10_000).entries, [], "an offset past the end reads nothing");
});

test("lines that are not entries are skipped and reported with their line numbers", () => {
  const path = tempJournal();
  appendJournal(path, entry("a", "r1"));
  appendFileSync(path, "null\n{not json\n[1,2]\n{\"id\":\"x\"}\n\n");
  appendJournal(path, entry("b", "r2", "r1"));
  const { entries, skipped } = readJournalFrom(path, 0);
  assert.deepEqual(entries.map((e) => e.id), ["a", "b"]);
  assert.deepEqual(skipped.map((s) => [s.line, s.reason]), [
    [2, "not a journal entry (not a JSON object)"], [3, "not valid JSON (cut short or damaged)"],
    [4, "not a journal entry (not a JSON object)"], [5, "entry has no at"],
  ]);
});

test("an entry appended after a line cut short by a crash is whole and on its own line", () => {
  const path = tempJournal();
  appendJournal(path, entry("a", "r1"));
  appendFileSync(path, '{"id":"cut","at":"2026');
  appendJournal(path, entry("b", "r2", "r1"));
  const { entries, skipped } = readJournalFrom(path, 0);
  assert.deepEqual(entries.map((e) => e.id), ["a", "b"]);
  assert.equal(skipped.length, 1);
  assert.equal(skipped[0].line, 2);
  assert.match(readFileSync(path, "utf8"), /"2026\n\{"id":"b"/);
});

test("an entry counts as published only if its release went live", () => {
  // r2 was journaled but never swapped in (the next publish found r1 still live); r4 is still in flight.
  const entries = [entry("a", "r1"), entry("b", "r2", "r1"), entry("c", "r3", "r1"), entry("d", "r4", "r3")];
  const byId = (list) => list.map((e) => e.id);
  let c = classifyEntries(entries, "r3");
  assert.deepEqual([byId(c.committed), byId(c.aborted), byId(c.pending)], [["a", "c"], ["b"], ["d"]]);
  c = classifyEntries(entries, "r4");
  assert.deepEqual([byId(c.committed), byId(c.aborted), byId(c.pending)], [["a", "c", "d"], ["b"], []]);
});
