import { test } from "node:test";
import assert from "node:assert/strict";
import { describeRow, parsePath, problemInWords, serverProblemInWords } from "./field-words";
import type { Postmortem } from "./model";

const pm = {
  causes: [{ kind: "trigger", text: "t" }, { kind: "root_cause", text: "a" }, { kind: "root_cause", text: "" }],
  lessons: [{ kind: "went_wrong", text: "" }],
  actionItems: [{}, {}, {}, {}, { title: "" }],
  impactWindows: [{ start: "", end: null }, { start: "2020-01-01T10:00:00.000Z", end: "2020-01-01T09:00:00.000Z" }],
  milestones: { detected: "not a time" },
  title: "",
} as unknown as Postmortem;

test("rows are named as a person counts them: one-based, causes and lessons within their kind", () => {
  assert.equal(describeRow(["actionItems", 4, "title"], pm), "Action item 5");
  assert.equal(describeRow(["causes", 2, "text"], pm), "Root cause 2");
  assert.equal(describeRow(["lessons", 0, "text"], pm), "Lesson 1 under “What went wrong”");
  assert.equal(describeRow(["milestones", "identified"], pm), "Root cause identified milestone");
  assert.deepEqual(parsePath("causes.4.services"), ["causes", 4, "services"]);
});

test("validation messages read in words, never as internal paths", () => {
  assert.equal(problemInWords(["actionItems", 4, "title"], "must not be empty", pm), "Action item 5 needs a title");
  assert.equal(problemInWords(["causes", 2, "text"], "must not be empty", pm), "Root cause 2 needs a description");
  assert.equal(problemInWords(["impactWindows", 0, "start"], "must be an ISO 8601 UTC instant", pm), "Impact window 1 needs a start time");
  assert.equal(problemInWords(["impactWindows", 1, "end"], "end must not be before start", pm), "Impact window 2 has an end time before its start time");
  assert.equal(problemInWords(["milestones", "detected"], "must be an ISO 8601 UTC instant", pm), "Detected milestone is not a valid date and time");
  assert.equal(problemInWords(["title"], "must not be empty", pm), "Title must be filled in");
  assert.deepEqual(serverProblemInWords("lessons.0.text: must not be empty", pm), { path: "lessons.0.text", text: "Lesson 1 under “What went wrong” needs a description" });
  assert.deepEqual(serverProblemInWords("save: the server answered 502", pm), { path: null, text: "save: the server answered 502" });
});
