import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendJournal, readJournalFrom } from "./journal.mjs";

test("reading from an offset returns each entry once, and leaves a line still being written for later", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-journal-"));
  try {
    const path = join(dir, "journal.jsonl");
    assert.deepEqual(readJournalFrom(path, 0), { entries: [], end: 0 });
    appendJournal(path, { id: "a" });
    appendJournal(path, { id: "b" });
    const first = readJournalFrom(path, 0);
    assert.deepEqual(first.entries.map((e) => e.id), ["a", "b"]);
    appendFileSync(path, '{"id":"c"}\n{"id":"d","half');
    const second = readJournalFrom(path, first.end);
    assert.deepEqual(second.entries.map((e) => e.id), ["c"]);
    appendFileSync(path, ' done":1}\n');
    assert.deepEqual(readJournalFrom(path, second.end).entries.map((e) => e.id), ["d"]);
    assert.deepEqual(readJournalFrom(path, 10_000).entries, [], "an offset past the end reads nothing");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
