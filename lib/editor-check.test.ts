import { test } from "node:test";
import assert from "node:assert/strict";
import { checkForSave, dropBlankRows } from "./editor-check";
import { postmortemSchema, type Postmortem } from "./model";

const base = postmortemSchema.parse({ slug: "x", title: "X", severity: "SEV3", status: "resolved", timeZone: "UTC" });
const item = (title: string, owner = ""): Postmortem["actionItems"][number] =>
  ({ title, type: "prevent", priority: "P2", owner, due: null, status: "open", tracker: "", closed: null, addresses: null });

test("rows added and left empty are dropped; a half-filled row is kept for the person to finish", () => {
  const pm: Postmortem = { ...base,
    actionItems: [item("Add an alarm"), item(""), item("", "alice")],
    causes: [{ kind: "root_cause", text: "", services: [], events: [], tags: [] }, { kind: "trigger", text: "", services: ["waf"], events: [], tags: [] }],
    lessons: [{ kind: "went_well", text: "  " }],
    milestones: { impact_start: "2020-01-01T10:00:00.000Z" },
    impactWindows: [{ service: "", condition: "major", start: "", end: null, origin: false },
      { service: "", condition: "major", start: "2020-01-01T10:00:00.000Z", end: null, origin: false }] };
  const kept = dropBlankRows(pm);
  assert.deepEqual(kept.actionItems.map((a) => a.owner), ["", "alice"]);
  assert.deepEqual(kept.causes.map((c) => c.kind), ["trigger"]);
  assert.deepEqual(kept.lessons, []);
  assert.deepEqual(kept.impactWindows, []);
});

test("what would be refused is found before sending, in words, with the field to focus", () => {
  const pm: Postmortem = { ...base,
    actionItems: [item("a"), item("b"), item("c"), item("d"), item("", "alice")],
    impactWindows: [{ service: "waf", condition: "major", start: "", end: null, origin: false }] };
  assert.deepEqual(checkForSave(pm), [
    { path: "impactWindows.0.start", text: "Impact window 1 needs a start time" },
    { path: "actionItems.4.title", text: "Action item 5 needs a title" },
  ]);
  assert.deepEqual(checkForSave(base), []);
});
