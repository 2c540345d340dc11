import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { bare, cli, state } from "./cli-test.helper.mjs";
import { readJournal } from "./journal.mjs";

const journal = (dir) => readJournal(join(dir, "site.d", "journal.jsonl"));

test("history lists each publish with its number, time, operator, door and what changed", async () => {
  const dir = await bare();
  cli(dir, ["post", "--name", "API errors", "--component", "api=major", "--message", "Failing.", "--yes"], "", { SITREP_OPERATOR: "Sam" });
  cli(dir, ["banner", "--text", "Sign-in is slow", "--level", "warning", "--yes"], "", { SITREP_OPERATOR: "Alex" });
  const r = cli(dir, ["history"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /#1 {4}\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}Sam \(backup CLI\) +"API errors" Investigating: Failing\. \[Public API Major outage\]/);
  assert.match(r.out, /#2 {4}.* Alex \(backup CLI\) +banner \(warning\): Sign-in is slow/);
});

test("edit fixes the wording of an update on a resolved incident, republishes, and journals the correction", async () => {
  const dir = await bare();
  cli(dir, ["post", "--name", "Email delays", "--component", "email=degraded", "--message", "Emails are delayed by 5 hours.", "--yes"]);
  cli(dir, ["resolve", "--incident", "latest", "--message", "Delivered.", "--yes"]);
  const incident = state(dir).incidents[0];
  const first = incident.incident_updates.at(-1);
  const declined = cli(dir, ["edit", "--incident", "latest", "--update", first.id, "--message", "Emails are delayed by 5 minutes."], "n\n");
  assert.equal(declined.code, 1);
  assert.match(declined.out, /Update on "Email delays" \(Investigating\) now reads: Emails are delayed by 5 minutes\. \(was: Emails are delayed by 5 hours\.\)/);
  const r = cli(dir, ["edit", "--incident", incident.id, "--update", first.id, "--message", "Emails are delayed by 5 minutes.", "--yes"]);
  assert.equal(r.code, 0, r.err);
  const after = state(dir).incidents[0];
  assert.deepEqual(after.incident_updates.map((u) => u.body), ["Delivered.", "Emails are delayed by 5 minutes."]);
  assert.equal(after.status, "resolved", "a correction does not reopen the incident");
  assert.match(readFileSync(join(dir, "site", "incidents", `${incident.id}.html`), "utf8"), /delayed by 5 minutes/);
  const e = journal(dir).at(-1);
  assert.deepEqual([e.kind, e.update.id, e.update.body, e.edits], ["edit", first.id, "Emails are delayed by 5 minutes.", first.id]);
  assert.match(cli(dir, ["edit", "--incident", incident.id, "--message", "Delivered.", "--yes"]).err, /^sitrep: body: the new wording is the same/);
});

test("rollback --to N shows the difference in customers' words, asks, and publishes the earlier state as a new release", async () => {
  const dir = await bare();
  cli(dir, ["banner", "--text", "Planned work tonight", "--level", "info", "--yes"]);
  cli(dir, ["post", "--name", "Wrong incident", "--component", "web=major", "--message", "Oops.", "--yes"]);
  cli(dir, ["banner", "--clear", "--yes"]);
  const releasesBefore = readlinkSync(join(dir, "site"));
  const declined = cli(dir, ["rollback", "--to", "1"], "n\n");
  assert.equal(declined.code, 1);
  assert.match(declined.out, /Going back to the site as it was after #1 \(tester, .*: banner \(info\): Planned work tonight\)/);
  assert.match(declined.out, /Headline: "All Systems Operational" \(was "Major Service Outage"\)/);
  assert.match(declined.out, /Banner: info banner: "Planned work tonight" \(was no banner\)/);
  assert.match(declined.out, /Website: Operational \(was Major outage\)/);
  assert.match(declined.out, /"Wrong incident" is taken off the page/);
  assert.equal(readlinkSync(join(dir, "site")), releasesBefore);
  const r = cli(dir, ["rollback", "--to", "1"], "y\n");
  assert.equal(r.code, 0, r.err);
  const link = readlinkSync(join(dir, "site"));
  assert.notEqual(link, releasesBefore);
  assert.ok(!journal(dir).slice(0, -1).some((e) => link.endsWith(e.release)), "a new release, never an old one linked again");
  const now = state(dir);
  assert.equal(now.banner.text, "Planned work tonight");
  assert.deepEqual(now.incidents, []);
  assert.equal(now.components.find((c) => c.id === "web").status, "operational");
  const wrong = journal(dir).find((e) => e.incident?.name === "Wrong incident");
  assert.equal(existsSync(join(dir, "site", "incidents", `${wrong.incident.id}.html`)), false);
  const e = journal(dir).at(-1);
  assert.deepEqual([e.kind, e.restores, e.withdraws], ["rollback", journal(dir)[0].id, [wrong.update.id]]);
  assert.equal(cli(dir, ["rollback", "--to", "99"]).code, 2);
});

test("undo shows what comes back (a banner it cleared) before asking, names who published what, and never blames 'someone else' for your own publish", async () => {
  const dir = await bare();
  const sam = { SITREP_OPERATOR: "Sam" };
  cli(dir, ["banner", "--text", "Major outage in progress", "--level", "critical", "--yes"], "", sam);
  cli(dir, ["banner", "--clear", "--yes"], "", sam);
  const asked = cli(dir, ["undo"], "n\n", sam);
  assert.equal(asked.code, 1);
  assert.match(asked.out, /Undoing your latest publish, #2 by Sam \(backup CLI\) at \d\d:\d\d UTC: banner removed\./);
  assert.match(asked.out, /Banner: critical banner: "Major outage in progress" \(was no banner\)/);
  assert.equal(state(dir).banner, null, "nothing comes back without a yes");
  assert.equal(cli(dir, ["undo", "--yes"], "", sam).code, 0);
  assert.equal(state(dir).banner.level, "critical");
  const second = cli(dir, ["undo", "--yes"], "", sam);
  assert.equal(second.code, 0, second.err);
  assert.match(second.out, /Undoing your latest publish, #3 by Sam \(backup CLI\) .*: undo of #2/);
  assert.equal(state(dir).banner, null);
  cli(dir, ["post", "--name", "Alex's incident", "--message", "m", "--yes"], "", { SITREP_OPERATOR: "Alex" });
  const refused = cli(dir, ["undo", "--yes"], "", sam);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /^sitrep: the latest publish is #5 by Alex \(backup CLI\) at .*"Alex's incident".*; undo takes back only your own latest publish \(yours is #4\)\. To go back further, see "history" and use "rollback --to N"/);
  assert.doesNotMatch(refused.err + second.out, /someone else/);
});

test("adopt turns a plain copy of the public site into a working site; the plain-folder error names this step", async () => {
  const dir = await bare();
  for (let n = 0; n < 3; n++) cli(dir, ["post", "--name", `Incident ${n}`, "--message", "m", "--yes"]);
  cli(dir, ["resolve", "--incident", "latest", "--message", "done", "--yes"]);
  cli(dir, ["banner", "--text", "Recovering", "--yes"]);
  cpSync(join(dir, "site"), join(dir, "cdn-copy"), { recursive: true, dereference: true });
  const plain = cli(dir, ["post", "--name", "x", "--message", "y", "--yes", "--site", join(dir, "cdn-copy")]);
  assert.equal(plain.code, 1);
  assert.match(plain.err, /is a plain folder, not a working site .*adopt --from .*cdn-copy --site NEW-PATH/);
  const r = cli(dir, ["adopt", "--from", join(dir, "cdn-copy"), "--site", join(dir, "recovered"), "--yes"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Recovered from .*cdn-copy:\n {2}Page: Example .*\n {2}3 components, 3 incidents \(2 open\), 0 postmortem page\(s\), a banner/);
  assert.match(r.out, /Not in a public copy: the journal/);
  const recovered = state(dir, "recovered");
  assert.deepEqual(recovered.incidents.map((i) => i.name).sort(), ["Incident 0", "Incident 1", "Incident 2"]);
  assert.equal(recovered.banner.text, "Recovering");
  const next = cli(dir, ["post", "--incident", "latest", "--message", "Published from the adopted site.", "--yes", "--site", join(dir, "recovered")]);
  assert.equal(next.code, 0, next.err);
  assert.equal(cli(dir, ["adopt", "--from", join(dir, "cdn-copy"), "--site", join(dir, "recovered"), "--yes"]).code, 2, "never over an existing site");
  assert.match(cli(dir, ["adopt", "--from", join(dir, "nothing-here"), "--site", join(dir, "x"), "--yes"]).err, /has no state\.json: download the whole public site/);
});
