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
  assert.deepEqual(unmapped, ["1 timeline line(s) without a usable time"]);
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

test("only a document that is not text or has no content is refused", () => {
  assert.match(problems("")[0], /^document: empty/);
  assert.match(problems("  \n\n")[0], /^document: empty/);
  assert.match(problems("# Only headings\n\n## Summary\n\n## Impact\n")[0], /^document: .*no content/);
  assert.match(problems("PK\u0003\u0004\u0000\u0000binary")[0], /^file: not text/);
  assert.match(problems("x".repeat(1_000_001))[0], /^body: larger than 1 MB/);
});

test("a field that cannot be read is reported and kept verbatim, never a refusal", () => {
  const cases: [string, RegExp, RegExp][] = [
    ["---\ntitle: [unclosed\n---\n# X\n\n## Summary\n\ntext\n", /^front matter: not valid YAML/, /title: \[unclosed/],
    ["---\nslug: x\n# no close\n\n## Summary\n\ntext\n", /^front matter: .*never closed/, /slug: x/],
    ["# T\n\n## Timeline\n\n- 2020-02-30 10:00 bad day\n", /^timeline: .*not a real calendar date/, /2020-02-30 10:00 bad day/],
    ["---\ntime_zone: America/Los_Angeles\n---\n# T\n\n## Timeline\n\n- 2021-03-14 02:30 skipped\n", /^timeline: .*does not exist/, /02:30 skipped/],
    ["# T\n\n## Timeline\n\n- 10:00 no date anywhere\n", /no date/, /10:00 no date anywhere/],
    ["---\ntime_zone: Mars/Olympus\n---\n# T\n\n## Summary\n\nx\n", /^time_zone:/, /Mars\/Olympus/],
    ["---\nmilestones:\n  lunch: 2020-11-25 12:00 UTC\n---\n# T\n\n## Summary\n\nx\n", /^milestones\.lunch:/, /lunch: 2020-11-25 12:00 UTC/],
    ["---\ndate: 2020-11-25\nimpact_windows:\n  - service: api\n    condition: major\n    start: 10:00 UTC\n    end: 09:00 UTC\n---\n# T\n\n## Summary\n\nx\n", /^impact_windows\.0: end end must not be before start/, /end: 09:00 UTC/],
    ["---\nstatus: Closed\npostmortem_status: wip\n---\n# T\n\n## Summary\n\nx\n", /^postmortem_status: "wip"/, /./],
  ];
  for (const [md, note, kept] of cases) {
    const result = importPostmortem(md);
    assert.ok(result.notes.some((n) => note.test(n)), `${md}\nnotes: ${result.notes.join(" | ")}`);
    assert.match(result.postmortem.supporting + result.postmortem.summary, kept, md);
  }
});

test("findings from the issue: each shape that lost or refused a document", () => {
  const pm = (md: string) => importPostmortem(md).postmortem;
  // "17:14pm" refused the whole document.
  assert.equal(pm("# T\n\nDate: 2020-01-02\n\n## Timeline\n\n- 17:14pm pager\n").timeline[0].at, "2020-01-02T17:14:00.000Z");
  // One heading per event, text in paragraphs and bullets under it, read as empty events.
  const headed = pm("# T\n\n## Timeline\n\n### 2018-03-13 07:28\n\nMirror behind.\n\n- lock removed\n- sync restarted\n\n### 2018-03-13 09:00\n\nCaught up.\n");
  assert.deepEqual(headed.timeline.map((e) => e.text), ["Mirror behind.\n\n- lock removed\n- sync restarted", "Caught up."]);
  // A heading and a first line restating the time make one event, not two.
  const twin = pm("# T\n\nDate: 2024-03-07\n\n## Timeline\n\n### 14:12\n14:12 — alerts fire\n- paged\n");
  assert.deepEqual(twin.timeline.map((e) => e.text), ["alerts fire\n- paged"]);
  // An action item over 500 characters refused the whole document.
  const long = importPostmortem(`# T\n\n## Action items\n\n- ${"word ".repeat(150)}end — owner: Tom — P1\n`);
  const item = long.postmortem.actionItems[0];
  assert.ok(item.title.length <= 500 && item.title.endsWith("…"));
  assert.deepEqual([item.owner, item.priority], ["Tom", "P1"]);
  assert.match(long.postmortem.supporting, /word end$/m);
  assert.ok(long.notes.some((n) => /longer than 500/.test(n)));
  // Day headings, then times in bold or plain text at the start of bullets.
  const days = pm("# T\n\n## Timeline\n\n### March 13, 2018\n\n- **22:48** a\n- 22:53 b\n\n### March 14, 2018\n\n- **00:12** c\n");
  assert.deepEqual(days.timeline.map((e) => e.at), ["2018-03-13T22:48:00.000Z", "2018-03-13T22:53:00.000Z", "2018-03-14T00:12:00.000Z"]);
  // DONE/TODO in a tracker column; owners and priorities left in titles.
  const items = pm("# T\n\n## Action items\n\n| Action | Ticket |\n|---|---|\n| Fix it | OPS-1 DONE |\n\n- Document it (owner: @carol, due 2024-03-15)\n").actionItems;
  assert.deepEqual(items.map((a) => [a.title, a.status, a.tracker, a.owner, a.due]), [["Fix it", "done", "OPS-1", "", null], ["Document it", "open", "", "carol", "2024-03-15"]]);
  // Inline lead-ins collapsed into one lesson.
  const lessons = pm("# T\n\n## Lessons\n\n**Went well:** a. **Went wrong:** b. **Lucky:** c.\n").lessons;
  assert.deepEqual(lessons.map((l) => l.kind), ["went_well", "went_wrong", "got_lucky"]);
  // "Severity: **Sev-2**" read as unstated.
  assert.equal(pm("# T\n\nSeverity: **Sev-2**\n\n## Summary\n\nx\n").severity, "SEV2");
  assert.equal(pm("# T\n\n| Severity | SEV 1 |\n|---|---|\n\n## Summary\n\nx\n").severity, "SEV1");
  assert.equal(pm("# T\n\n- **Status:** Mitigated\n\n## Summary\n\nx\n").status, "monitoring");
});

test("milestones are derived from the timeline's wording, in order, and reported", () => {
  const md = "# T\n\nDate: 2022-07-19 (all times UTC)\n\n## Timeline\n\n- 12:30 config change applied\n- 12:32 errors climb across the cluster\n- 12:35 paged: DNS failing\n- 12:41 change identified as the trigger\n- 12:44 change reverted\n- 12:50 resolution back to normal\n";
  const { postmortem, derived } = importPostmortem(md);
  assert.deepEqual(postmortem.milestones, {
    impact_start: "2022-07-19T12:32:00.000Z", detected: "2022-07-19T12:35:00.000Z", identified: "2022-07-19T12:41:00.000Z",
    mitigated: "2022-07-19T12:44:00.000Z", impact_end: "2022-07-19T12:50:00.000Z", resolved: "2022-07-19T12:50:00.000Z",
  });
  assert.deepEqual(derived.map((d) => d.milestone), ["impact_start", "detected", "identified", "mitigated", "impact_end", "resolved"]);
  assert.equal(derived[1].from, "paged: DNS failing");
  // Stated milestones are kept, and later ones are looked for after them.
  const stated = importPostmortem("---\nmilestones:\n  detected: 2022-07-19 12:40 UTC\n---\n" + md.replace("# T\n", "# T\n"));
  assert.equal(stated.postmortem.milestones.detected, "2022-07-19T12:40:00.000Z");
  assert.equal(stated.postmortem.milestones.identified, "2022-07-19T12:41:00.000Z");
  assert.ok(!stated.derived.some((d) => d.milestone === "detected"));
});

test("a section whose lines mostly start with a time is read as a timeline, and the report says so", () => {
  const md = "# T\n\nDate: 2021-03-09\n\n## How it unfolded\n\n- 11:02 errors\n- 11:05 paged\n- 11:20 fixed\n\n## Background\n\nWe had 3 replicas at 11:00 and 2 at 12:00.\n";
  const { postmortem, notes, unmapped } = importPostmortem(md);
  assert.equal(postmortem.timeline.length, 3);
  assert.ok(notes.includes('section "How it unfolded": read as a timeline (most of its lines start with a time)'));
  assert.deepEqual(unmapped, ["text before the first section", 'section "Background"']);
});

test("every action item status, type and priority survives export and import", () => {
  const base = importPostmortem(seed).postmortem;
  const statuses = ["open", "in_progress", "done", "wont_do"] as const;
  const pm = { ...base, actionItems: statuses.map((status, i) => ({ ...base.actionItems[i], status, priority: (["P0", "P1", "P2", "P3"] as const)[i] })) };
  const back = importPostmortem(exportPostmortem(pm)).postmortem;
  assert.deepEqual(back.actionItems, pm.actionItems);
  assert.deepEqual(back, { ...pm, supporting: back.supporting });
});
