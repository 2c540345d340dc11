import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bare, cli, state } from "./cli-test.helper.mjs";
import { readJournal } from "./journal.mjs";
import { verifyEntry } from "./signing.mjs";

test("--help is the runbook", async () => {
  const dir = await bare();
  const r = cli(dir, ["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /guided mode/);
  assert.match(r.out, /--component ID=STATUS/);
  assert.match(r.out, /EXAMPLES/);
});

test("one-line post from a bare copy, then update and resolve; journaled as backup with the operator", async () => {
  const dir = await bare();
  let r = cli(dir, ["post", "--name", "Elevated errors", "--status", "investigating", "--message", "We are investigating.", "--component", "api=major_outage", "--operator", "Sam", "--yes"]);
  assert.equal(r.code, 0, r.err);
  const id = state(dir).incidents[0].id;
  assert.match(r.out, new RegExp(`Incident id: ${id}`));
  r = cli(dir, ["post", "--incident", id, "--status", "identified", "--message", "Found it.", "--yes"]);
  assert.equal(r.code, 0, r.err);
  r = cli(dir, ["resolve", "--incident", id, "--yes"]);
  assert.equal(r.code, 0, r.err);
  const s = state(dir);
  assert.deepEqual(s.incidents[0].incident_updates.map((u) => u.status), ["resolved", "identified", "investigating"]);
  assert.equal(s.components.find((c) => c.id === "api").status, "operational");
  const journal = readJournal(join(dir, "site.d", "journal.jsonl"));
  assert.deepEqual(journal.map((e) => [e.origin, e.update.status]), [["backup", "investigating"], ["backup", "identified"], ["backup", "resolved"]]);
  assert.equal(journal[0].author, "Sam");
  assert.match(readFileSync(join(dir, "site", "index.html"), "utf8"), /All Systems Operational/);
});

test("guided mode, typed like a person: a wrong key, a greyed action, Enter with no default, an empty selection, a name instead of a number", async () => {
  const dir = await bare();
  const typed = [
    "2",                 // a number where the menu has letters
    "u",                 // update: greyed, no incident is open
    "n",                 // new incident
    "API errors",
    "",                  // no default status: Enter is not an answer
    "1",                 // investigating
    "",                  // no components…
    "n",                 // …is not what I meant
    "public api, 9",     // a name, and a number that is not on the list
    "Public API",        // the name alone
    "",                  // no default for the new status either
    "major",             // major outage
    "Requests are failing.",
    "y",
  ];
  const r = cli(dir, [], typed.join("\n") + "\n");
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /What do you want to do\? \(type the letter\)\n {2}n {2}New incident\n {2}u {2}Update an open incident {2}— not now: no incident is open/);
  assert.match(r.out, /"2" is not one of the letters above/);
  assert.match(r.out, /Update an open incident is not possible now: no incident is open/);
  assert.match(r.out, /Type a number or a name from the list/);
  assert.match(r.out, /No components selected: customers will see no component change\. Continue without any\?/);
  assert.match(r.out, /there is no component 9; the list goes from 1 to 3\. Nothing was picked/);
  assert.match(r.out, / 1\) api {20}Public API — now Operational/);
  assert.match(r.out, /Customers will see this change on .*:\n {2}Headline: "Major Service Outage" \(was "All Systems Operational"\)\n {2}Public API: Major outage \(was Operational\)\n {2}New incident "API errors" — Investigating: Requests are failing\./);
  assert.match(r.out, /Customers now see:\n {2}Headline: "Major Service Outage"\n {2}Components: Public API Major outage\n {2}"API errors" — Investigating: Requests are failing\./);
  assert.equal(state(dir).components.find((c) => c.id === "api").status, "major_outage");
  const declined = cli(dir, [], ["n", "Another", "1", "", "y", "Text.", "n"].join("\n"));
  assert.equal(declined.code, 1);
  assert.match(declined.out, /Nothing was published/);
  assert.equal(state(dir).incidents.length, 1);
  const asked = cli(dir, [], ["Robin", "q"].join("\n") + "\n", { SITREP_OPERATOR: "", USER: "" });
  assert.match(asked.out, /Your name, as colleagues know you.*\n.*Remembered "Robin" for this site.*\n.*You are posting as Robin/);
  assert.match(cli(dir, [], "q\n", { SITREP_OPERATOR: "", USER: "" }).out, /You are posting as Robin/, "remembered in the site's config");
  const ended = cli(dir, [], ["n", "Cut short", "1"].join("\n"));
  assert.equal(ended.code, 2, "input that ends mid-way publishes nothing on a guess");
  assert.match(ended.err, /the answers ended at "Which are affected\?/);
  assert.equal(state(dir).incidents.length, 1);
});

test("guided mode's keys never move: the same letter means the same action with or without an open incident", async () => {
  const dir = await bare();
  const menuOf = (out) => out.slice(out.indexOf("What do you want to do?")).split("\n").slice(1, 11).map((l) => l.trim().slice(0, 3));
  const before = menuOf(cli(dir, [], "q\n").out);
  assert.equal(cli(dir, ["post", "--name", "Open", "--message", "m", "--yes"]).code, 0);
  const after = menuOf(cli(dir, [], "q\n").out);
  assert.deepEqual(before, after);
  assert.deepEqual(before, ["n  ", "u  ", "r  ", "b  ", "m  ", "e  ", "s  ", "h  ", "z  ", "q  "]);
});

test("bad input: one clear line, a non-zero exit, and the live site exactly as it was", async () => {
  const dir = await bare();
  const before = readlinkSync(join(dir, "site"));
  const cases = [
    [["post", "--name", "x", "--message", "y", "--component", "nope=major_outage", "--yes"], /^sitrep: no component "nope".*choose from api, web, email/, 2],
    [["post", "--name", "x", "--message", "y", "--status", "panicking", "--yes"], /^sitrep: no status "panicking" .*investigating, identified, monitoring, resolved/, 2],
    [["post", "--name", "x", "--message", "", "--yes"], /^sitrep: body: the message must not be empty/, 1],
    [["resolve", "--incident", "zzz", "--yes"], /^sitrep: incident: no incident "zzz"/, 1],
    [["post", "--name", "x", "--message", "y", "--yes", "--site", join(dir, "nowhere")], /^sitrep: no state\.json in /, 1],
  ];
  for (const [args, message, code] of cases) {
    const r = cli(dir, args);
    assert.equal(r.code, code, args.join(" "));
    assert.match(r.err, message);
    assert.equal(r.err.trim().split("\n").length, 1, "one line");
  }
  const postWithoutYes = cli(dir, ["post", "--name", "x", "--message", "y"]);
  assert.match(postWithoutYes.out, /Nothing was published/);
  assert.equal(readlinkSync(join(dir, "site")), before);
  const stateFile = join(dir, "site", "state.json");
  const good = readFileSync(stateFile, "utf8");
  writeFileSync(stateFile, "{ broken");
  const corrupt = cli(dir, ["post", "--name", "x", "--message", "y", "--yes"]);
  assert.match(corrupt.err, /state\.json is corrupt .*restore it/);
  writeFileSync(stateFile, good);
});

test("a lock held by a running publisher makes the CLI wait and then say so; a stale lock is taken over", async () => {
  const dir = await bare();
  const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
  try {
    writeFileSync(join(dir, "site.d", "lock"), JSON.stringify({ pid: holder.pid, host: (await import("node:os")).hostname(), at: new Date().toISOString() }));
    const r = cli(dir, ["post", "--name", "x", "--message", "y", "--yes"], "", { SITREP_LOCK_WAIT_MS: "600" });
    assert.equal(r.code, 1);
    assert.match(r.out, /Waiting: another publisher/);
    assert.match(r.err, /the site is being published by process \d+ .*the live site was not changed/);
  } finally {
    holder.kill();
  }
  await new Promise((res) => holder.once("exit", res));
  const r = cli(dir, ["post", "--name", "x", "--message", "y", "--yes"]);
  assert.equal(r.code, 0, r.err);
});

test("mirrors get the same site; a failing after-command is reported and makes the exit non-zero", async () => {
  const dir = await bare();
  const r = cli(dir, ["post", "--name", "Mirrored", "--message", "m", "--yes", "--mirror", join(dir, "cell-b"), "--after", "exit 3"]);
  assert.equal(r.code, 4);
  assert.match(r.out, /Published to mirror .*: up to date/);
  assert.match(r.out, /After-command FAILED with exit status 3/);
  assert.equal(state(dir, "cell-b").incidents[0].name, "Mirrored");
  assert.equal(readFileSync(join(dir, "cell-b", "index.html"), "utf8"), readFileSync(join(dir, "site", "index.html"), "utf8"));

  const first = state(dir).incidents[0].id;
  const page = join(dir, "cell-b", "incidents", `${first}.html`);
  const before = statSync(page).mtimeMs;
  assert.equal(cli(dir, ["post", "--name", "Second", "--message", "n", "--yes", "--mirror", join(dir, "cell-b")]).code, 0);
  assert.equal(statSync(page).mtimeMs, before, "an unchanged page is not copied again");
  const second = state(dir).incidents.find((i) => i.name === "Second").id;
  assert.equal(readFileSync(join(dir, "cell-b", "incidents", `${second}.html`), "utf8"), readFileSync(join(dir, "site", "incidents", `${second}.html`), "utf8"));
  assert.equal(readFileSync(join(dir, "cell-b", "history", "page-0.html"), "utf8"), readFileSync(join(dir, "site", "history", "page-0.html"), "utf8"));
});

test("undo rolls back the last backup publish; keygen signs what follows", async () => {
  const dir = await bare();
  cli(dir, ["post", "--name", "Keep me", "--message", "a", "--yes"]);
  cli(dir, ["post", "--name", "Oops", "--message", "b", "--yes", "--mirror", join(dir, "cell-b")]);
  const oops = readJournal(join(dir, "site.d", "journal.jsonl")).at(-1).incident.id;
  assert.equal(existsSync(join(dir, "cell-b", "incidents", `${oops}.html`)), true);
  const r = cli(dir, ["undo", "--yes", "--mirror", join(dir, "cell-b")]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(state(dir).incidents.map((i) => i.name), ["Keep me"]);
  assert.doesNotMatch(readFileSync(join(dir, "site", "history", "page-0.html"), "utf8"), /Oops/);
  assert.equal(existsSync(join(dir, "site", "incidents", `${oops}.html`)), false, "the undone incident's own page is gone too");
  assert.equal(existsSync(join(dir, "cell-b", "incidents", `${oops}.html`)), false, "and from the mirror");
  assert.equal(existsSync(join(dir, "site", "incidents", `${state(dir).incidents[0].id}.html`)), true);
  const journal = readJournal(join(dir, "site.d", "journal.jsonl"));
  assert.deepEqual([journal.at(-1).kind, journal.at(-1).undoes], ["undo", journal.at(-2).id], "the undo's own entry names what it undid");
  assert.equal(journal.at(-2).update.body, "b", "earlier entries are left as written");
  const again = cli(dir, ["undo", "--yes"]);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /Undoing your latest publish, #\d+ by tester \(backup CLI\) at .*: undo of #\d+/, "a second undo takes back the operator's own undo, and says so");
  assert.match(again.out, /New incident "Oops"/);
  assert.doesNotMatch(again.out + again.err, /someone else/);
  const k = cli(dir, ["keygen"]);
  assert.equal(k.code, 0, k.err);
  assert.match(readFileSync(join(dir, "site", "journal-key.pub"), "utf8"), /BEGIN PUBLIC KEY/);
  cli(dir, ["post", "--name", "Signed", "--message", "c", "--yes"]);
  const last = readJournal(join(dir, "site.d", "journal.jsonl")).at(-1);
  assert.ok(last.sig);
  assert.ok(verifyEntry(last, state(dir).page.journal_key));
  assert.equal(verifyEntry({ ...last, update: { ...last.update, body: "forged" } }, state(dir).page.journal_key), false);
});

test("SIGKILL at random points during CLI publishes never leaves the served site incomplete", { timeout: 60_000 }, async () => {
  const dir = await bare();
  for (let round = 0; round < 6; round++) {
    const child = spawn(process.execPath, [join(dir, "publisher", "cli.mjs"), "post", "--site", join(dir, "site"), "--name", `R${round}`, "--message", "m", "--component", "web=partial_outage", "--yes"], { stdio: "ignore" });
    // Listen from the start: at low load the CLI may finish before the kill, and its exit must not be missed.
    const exited = new Promise((r) => child.once("exit", r));
    await new Promise((r) => setTimeout(r, 40 + Math.random() * 120));
    child.kill("SIGKILL");
    await exited;
    const s = state(dir);
    assert.match(readFileSync(join(dir, "site", "index.html"), "utf8"), /<\/html>\n$/);
    for (const i of s.incidents) assert.ok(existsSync(join(dir, "site", "incidents", `${i.id}.html`)));
  }
  assert.equal(cli(dir, ["post", "--name", "after the kills", "--message", "m", "--yes"]).code, 0, "stale locks are taken over");
});

test("a drill runs on a copy marked DRILL, times the steps, counts wrong turns, logs the outcome, and never touches the live site", async () => {
  const dir = await bare();
  const before = readlinkSync(join(dir, "site"));
  const liveIndex = readFileSync(join(dir, "site", "index.html"), "utf8");
  const scenario = join(dir, "scenario.json");
  writeFileSync(scenario, JSON.stringify({ id: "fixture", title: "API down, sign-in down", briefing: "Practise.", steps: [
    { title: "Investigating", instruction: "Start it.", expect: { status: "investigating", components: { api: ["major_outage"] } } },
    { title: "Resolve", instruction: "Resolve it.", expect: { status: "resolved", all_operational: true } },
  ] }));
  const typed = [
    'post --name "API errors" --status investigating --message "Looking." --component api=degraded_performance', "y", // not bad enough: wrong turn
    'post --incident latest --message "Worse than we thought." --component api=major_outage', "y",
    "status",
    "resolve --incident nope --message done", // no such incident: wrong turn
    "resolve --incident latest --message done", "y",
  ].join("\n");
  const r = cli(dir, ["drill", "--scenario", scenario, "--sandbox", join(dir, "drill-site"), "--operator", "Alex"], typed + "\n");
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /DRILL: API down, sign-in down/);
  assert.match(r.out, /Not yet: Public API is degraded performance, expected major outage/);
  assert.match(r.out, /PASSED: Alex, first publish after \d+ s, 2 wrong turn\(s\)/);
  assert.match(r.out, /Publish this now\? \(y\/n\)/, "the drill keeps the confirmation step");
  assert.match(r.out, /Debrief: the wrong turns.*\n {2}step 1: post --name "API errors".*\n {4}-> not yet: Public API is degraded performance, expected major outage\n {2}step 2: resolve --incident nope --message done\n {4}-> incident: no incident "nope"/);
  assert.match(readFileSync(join(dir, "drill-site", "index.html"), "utf8"), /DRILL — not a real incident/);
  assert.equal(readlinkSync(join(dir, "site")), before);
  assert.equal(readFileSync(join(dir, "site", "index.html"), "utf8"), liveIndex);
  assert.equal(readJournal(join(dir, "site.d", "journal.jsonl")).length, 0, "nothing journaled for the live site");
  const [log] = readFileSync(join(dir, "site.d", "drills.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual([log.operator, log.scenario, log.passed, log.wrong_turns, log.steps.length], ["Alex", "fixture", true, 2, 2]);
  assert.ok(log.first_publish_ms >= 0);
});

test("guided mode applies its update to the incident as it is when publishing, keeping what others posted meanwhile", async () => {
  const dir = await bare();
  assert.equal(cli(dir, ["post", "--name", "Slow API", "--message", "first", "--yes"]).code, 0);
  const id = state(dir).incidents[0].id;
  const child = spawn(process.execPath, [join(dir, "publisher", "cli.mjs"), "--site", join(dir, "site"), "--operator", "tester"], { cwd: dir });
  const timer = setTimeout(() => child.kill(), 20_000);
  const exited = new Promise((r) => child.once("exit", r));
  let out = "";
  const deadline = Date.now() + 15_000;
  const waitFor = (text) => new Promise((resolve, reject) => {
    const check = () => (out.includes(text) ? resolve(undefined) : Date.now() > deadline ? reject(new Error(`never saw ${text}: ${out}`)) : setTimeout(check, 20));
    check();
  });
  child.stdout.on("data", (d) => (out += d));
  child.stdin.write("u\n");                         // update an open incident: the only one
  await waitFor("Status (now");
  const { publish } = await import("./publish.mjs");
  const { postUpdate } = await import("./apply.mjs");
  await publish(join(dir, "site"), (s, ctx, find) => postUpdate(s, find(id), { status: "identified", body: "posted by the app meanwhile" }, ctx), { author: "app", origin: "app" });
  child.stdin.end("3\n\ny\nfrom the guided mode\ny\n");  // monitoring, no components (yes, none), message, confirm
  assert.equal(await exited, 0, out);
  clearTimeout(timer);
  assert.deepEqual(state(dir).incidents[0].incident_updates.map((u) => u.body), ["from the guided mode", "posted by the app meanwhile", "first"]);
});

test("a command planted in the site's config.json never runs without the operator's approval on this machine", async () => {
  const dir = await bare();
  const home = join(dir, "operator-home");
  const marker = join(dir, "planted-ran");
  writeFileSync(join(dir, "site.d", "config.json"), JSON.stringify({ after: `touch ${marker}` }));
  const env = { SITREP_CLI_HOME: home };
  let r = cli(dir, ["post", "--name", "One", "--message", "m", "--yes"], "", env);
  assert.equal(r.code, 4, "published, but a configured target was not run");
  assert.match(r.out, /asks to run this command after publishing:\n  touch /);
  assert.match(r.out, /Not running it: approve it once/);
  assert.equal(existsSync(marker), false);
  r = cli(dir, ["post", "--name", "Two", "--message", "m"], "y\nn\n", env);
  assert.equal(existsSync(marker), false, "declined when asked");
  r = cli(dir, ["post", "--name", "Three", "--message", "m"], "y\ny\n", env);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(existsSync(marker), true, "approved once, it runs");
  rmSync(marker);
  r = cli(dir, ["post", "--name", "Four", "--message", "m", "--yes"], "", env);
  assert.equal(r.code, 0);
  assert.equal(existsSync(marker), true, "and keeps running once approved");
});
