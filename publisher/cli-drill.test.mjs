import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bare, cli, FIRST_TIMER } from "./cli-test.helper.mjs";

const drillLog = (dir) => readFileSync(join(dir, "site.d", "drills.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));

test("drills ship inside publisher/: a copy in an empty folder lists and runs them; the first-timer run has zero wrong turns", async () => {
  const dir = await bare(); // only publisher/ (without tests) and a site: no content/, no node_modules
  const list = cli(dir, ["drill", "--list"]);
  assert.equal(list.code, 0, list.err);
  for (const id of ["first-timer", "kinesis", "status-host-down", "wrong-update"]) assert.match(list.out, new RegExp(`^  ${id} `, "m"));
  assert.match(cli(dir, ["drill", "--scenario", "kinesys"]).err, /no drill scenario "kinesys"; did you mean "kinesis"\?/);
  const before = readlinkSync(join(dir, "site"));
  writeFileSync(join(dir, "site.d", "config.json"), JSON.stringify({ mirrors: [join(dir, "live-mirror")] }));
  // $USER empty and no --operator: the drill asks for the name first, and the site remembers it.
  const r = cli(dir, ["drill", "--scenario", "first-timer", "--sandbox", join(dir, "practice")], ["Dana", ...FIRST_TIMER].join("\n") + "\n", { USER: "", SITREP_OPERATOR: "" });
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /Your name, as colleagues know you/);
  assert.match(r.out, /Publish this now\? \(y\/n\)/, "each publish is confirmed, as for real");
  assert.match(r.out, /PASSED: Dana, first publish after \d+ s, 0 wrong turn\(s\), \d+ s in all/);
  assert.match(r.out, /Debrief: no wrong turns\./);
  const [log] = drillLog(dir);
  assert.deepEqual([log.operator, log.scenario, log.passed, log.wrong_turns, log.steps.length], ["Dana", "first-timer", true, 0, 4]);
  assert.equal(JSON.parse(readFileSync(join(dir, "site.d", "config.json"), "utf8")).operator, "Dana");
  assert.equal(readlinkSync(join(dir, "site")), before, "the live site is untouched");
  assert.equal(existsSync(join(dir, "live-mirror")), false, "the live site's mirrors never get the practice copy");
});

test("the status-host-down drill is passed only by publishing to the mirror; the wrong-update drill by correcting with edit", async () => {
  const dir = await bare();
  const sandbox = join(dir, "host-down");
  const mirror = `${sandbox}-mirror`;
  let r = cli(dir, ["drill", "--scenario", "status-host-down", "--sandbox", sandbox, "--operator", "Kim"], [
    'post --name "API down" --status investigating --component "public api=major" --message "Investigating."', "y", // forgot the mirror
    `post --incident latest --message "Investigating; posted to the standby host." --mirror ${mirror}`, "y",
    `resolve --incident latest --message "Recovered." --mirror ${mirror}`, "y",
  ].join("\n") + "\n");
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, new RegExp(`The standby host serves the mirror folder ${mirror}`));
  assert.match(r.out, /step 1: post --name "API down".*\n {4}-> not yet: the mirror .* does not show it yet; publish with --mirror/);
  assert.equal(JSON.parse(readFileSync(join(mirror, "state.json"), "utf8")).incidents[0].status, "resolved");

  r = cli(dir, ["drill", "--scenario", "wrong-update", "--sandbox", join(dir, "wrong"), "--operator", "Kim"], [
    'post --incident latest --message "Sign-in still fails for about a third of customers."', "y", // a new update is not a correction
    'edit --incident latest --update latest --message "Sign-in still fails for about a third of customers."', "n", // declined: not a wrong turn
    "undo", "y",
    'edit --incident latest --message "Sign-in is not recovered yet; about a third of customers cannot sign in."', "y",
    'post --incident latest --status identified --component cognito=partial --message "Cause found in the token service."', "y",
  ].join("\n") + "\n");
  assert.equal(r.code, 0, r.out + r.err);
  const log = drillLog(dir).at(-1);
  assert.equal(log.scenario, "wrong-update");
  assert.equal(log.passed, true);
  assert.ok(log.wrong_turns >= 1, "posting a new update instead of correcting is a wrong turn");
  assert.match(r.out, /this step corrects the published one instead of adding another/);
});
