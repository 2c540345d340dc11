import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPostmortem, ImportError } from "./import";
import { exportPostmortem } from "./export";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const seed = readFileSync(join(import.meta.dirname, "../../content/kinesis-2020-11-25.md"), "utf8");

test("the Kinesis seed imports every part with its Pacific times as UTC instants", () => {
  const { postmortem: pm, unmapped } = importPostmortem(seed);
  assert.deepEqual(unmapped, []);
  assert.equal(pm.slug, "kinesis-2020-11-25");
  assert.equal(pm.timeZone, "America/Los_Angeles");
  assert.equal(pm.milestones.identified, "2020-11-25T17:39:00.000Z");
  assert.equal(pm.milestones.resolved, "2020-11-26T06:31:00.000Z");
  const rootCause = pm.timeline.find((e) => e.text.startsWith("Root cause confirmed"));
  assert.equal(rootCause?.at, "2020-11-25T17:39:00.000Z");
  assert.deepEqual(pm.causes.map((c) => c.kind).sort(), ["contributing", "contributing", "contributing", "contributing", "contributing", "contributing", "root_cause", "trigger"]);
  assert.equal(pm.actionItems.length, 10);
  assert.deepEqual(new Set(pm.lessons.map((l) => l.kind)), new Set(["went_well", "went_wrong", "got_lucky"]));
  assert.equal(pm.impactWindows.find((w) => w.origin)?.service, "kinesis-front-end");
  assert.deepEqual(pm.causes.find((c) => c.kind === "root_cause")?.events, ["2020-11-25T17:39:00.000Z"]);
  assert.deepEqual(pm.causes.find((c) => c.kind === "trigger")?.events, ["2020-11-25T10:44:00.000Z", "2020-11-25T11:47:00.000Z"]);
});

for (const [name, source] of [["seed", seed], ["google-style", fixture("google-style.md")], ["messy", fixture("messy.md")]] as const) {
  test(`export, import, export gives the same text (${name})`, () => {
    const first = exportPostmortem(importPostmortem(source).postmortem);
    const second = exportPostmortem(importPostmortem(first).postmortem);
    assert.equal(second, first);
  });
}

test("Google-style template: heading variants, table actions, one date line with a zone, midnight", () => {
  const { postmortem: pm, unmapped } = importPostmortem(fixture("google-style.md"));
  assert.equal(pm.title, "Shakespeare Search Outage");
  assert.equal(pm.timeZone, "UTC");
  assert.match(pm.summary, /66 minutes/);
  assert.match(pm.impact, /1\.2 billion/);
  assert.equal(pm.causes.find((c) => c.kind === "trigger")?.text, "Latent bug triggered by a sudden increase in traffic.");
  assert.equal(pm.actionItems[0].owner, "jennifer");
  assert.equal(pm.actionItems[2].type, "process");
  assert.equal(pm.timeline[0].at, "2015-10-21T14:51:00.000Z");
  const ranged = pm.timeline.find((e) => e.text.startsWith("traffic redirected"));
  assert.equal(ranged?.at, "2015-10-21T15:20:00.000Z");
  assert.match(ranged!.text, /until 15:25/);
  assert.equal(pm.timeline.at(-1)?.at, "2015-10-22T00:10:00.000Z");
  assert.deepEqual(unmapped, ["text before the first section"]);
  assert.match(pm.supporting, /Authors/);
  assert.match(pm.supporting, /Monitoring dashboard/);
});

test("messy document: h1 sections, numbered causes, checkbox follow-ups, one heading per time", () => {
  const { postmortem: pm, unmapped, notes } = importPostmortem(fixture("messy.md"));
  assert.equal(pm.title, "Incident report — payments API errors");
  assert.equal(pm.severity, "SEV2");
  assert.equal(pm.timeZone, "America/Los_Angeles");
  assert.deepEqual(pm.causes.filter((c) => c.kind === "root_cause").map((c) => c.text), [
    'The gateway read a timeout of 0 as "no timeout".',
    "Connection pools were exhausted.",
  ]);
  assert.deepEqual(pm.causes.find((c) => c.kind === "trigger")?.services, ["payments-gateway"]);
  assert.deepEqual(pm.actionItems.map((a) => [a.status, a.type]), [["done", "prevent"], ["open", "detect"], ["open", "process"]]);
  assert.equal(pm.timeline.length, 3);
  assert.equal(pm.timeline[0].at, "2021-11-03T17:02:00.000Z"); // 9:02 AM PST
  assert.match(pm.timeline[1].text, /Paged the payments on-call/);
  assert.equal(pm.timeline[2].at, "2021-11-04T09:05:00.000Z");
  assert.ok(unmapped.includes('section "Customer comms"'));
  assert.match(pm.supporting, /We emailed 42 merchants/);
  assert.ok(notes.some((n) => n.includes("went wrong")));
});

test("timeline as a plain list under a stated zone, 12-hour clock, date given once", () => {
  const md = "# Short\n\n## Timeline\n\nAll times are in PST.\n\nNovember 25, 2020\n\n- 5:15 AM first alarms\n- 10:23 PM Kinesis fully recovered\n- a line with no time\n";
  const { postmortem: pm, unmapped } = importPostmortem(md);
  assert.deepEqual(pm.timeline.map((e) => e.at), ["2020-11-25T13:15:00.000Z", "2020-11-26T06:23:00.000Z"]);
  assert.deepEqual(unmapped, ["1 timeline line(s) without a time"]);
  assert.match(pm.supporting, /a line with no time/);
});

function problems(md: string): string[] {
  try {
    importPostmortem(md);
  } catch (err) {
    assert.ok(err instanceof ImportError);
    return err.problems;
  }
  assert.fail("import should have failed");
}

test("bad input is refused with messages naming the field", () => {
  assert.match(problems("---\ntitle: [unclosed\n---\n# X\n\n## Summary\n\ntext\n")[0], /^front matter: not valid YAML/);
  assert.match(problems("---\nslug: x\n# no close\n")[0], /^front matter: .*never closed/);
  assert.match(problems("# Only headings\n\n## Summary\n\n## Impact\n")[0], /^document: .*no content/);
  assert.match(problems("# T\n\n## Timeline\n\n- 2020-02-30 10:00 bad day\n")[0], /^timeline: .*not a real calendar date/);
  assert.match(problems("---\ntime_zone: America/Los_Angeles\n---\n# T\n\n## Timeline\n\n- 2021-03-14 02:30 skipped\n")[0], /^timeline: .*does not exist/);
  assert.match(problems("# T\n\n## Timeline\n\n- 10:00 no date anywhere\n")[0], /no date/);
  const windowProblems = problems("---\ndate: 2020-11-25\nimpact_windows:\n  - service: api\n    condition: major\n    start: 10:00 UTC\n    end: 09:00 UTC\n---\n# T\n\n## Summary\n\nx\n");
  assert.deepEqual(windowProblems, ["impactWindows.0.end: end must not be before start"]);
  assert.match(problems("---\ntime_zone: Mars/Olympus\n---\n# T\n\n## Summary\n\nx\n")[0], /^time_zone:/);
  assert.match(problems("---\nmilestones:\n  lunch: 2020-11-25 12:00 UTC\n---\n# T\n\n## Summary\n\nx\n")[0], /^milestones\.lunch:/);
  assert.match(problems("x".repeat(1_000_001))[0], /^body: larger than 1 MB/);
});
