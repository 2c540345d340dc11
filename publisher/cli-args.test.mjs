import { test } from "node:test";
import assert from "node:assert/strict";
import { readlinkSync } from "node:fs";
import { join } from "node:path";
import { bare, cli, state } from "./cli-test.helper.mjs";
import { fixtureState } from "./fixture.mjs";

test("an unknown flag or command is a usage error (exit 2) that suggests the nearest one; nothing is published", async () => {
  const dir = await bare();
  const before = readlinkSync(join(dir, "site"));
  const cases = [
    [["post", "--name", "x", "--message", "y", "--components", "api=partial_outage", "--yes"], /^sitrep: --components is not a flag of "post"; did you mean --component\?/],
    [["pots", "--name", "x"], /^sitrep: unknown command "pots"; did you mean "post"\?/],
    [["undoo"], /^sitrep: unknown command "undoo"; did you mean "undo"\?/],
    [["banner", "--txt", "hi", "--yes"], /^sitrep: --txt is not a flag of "banner"; did you mean --text\?/],
    [["post", "--name"], /^sitrep: --name needs a value/],
    [["post", "Elevated", "errors"], /^sitrep: unexpected "Elevated"; put text in quotes after its flag/],
    [["resolve", "--yes"], /^sitrep: which incident\? add --incident ID/],
    [["post", "--name", "x", "--message", "y", "--component", "api", "--yes"], /^sitrep: --component "api" must look like NAME=STATUS/],
    [["post", "--name", "x", "--message", "y", "--component", "api=broken", "--yes"], /^sitrep: no component status "broken"/],
  ];
  for (const [args, message] of cases) {
    const r = cli(dir, args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
    assert.match(r.err, message);
    assert.equal(r.err.trim().split("\n").length, 1, "one line");
  }
  assert.equal(readlinkSync(join(dir, "site")), before, "the live site is untouched by every refusal");
});

test("COMMAND --help shows that command's flags and two examples, not the runbook", async () => {
  const dir = await bare();
  for (const args of [["undo", "--help"], ["help", "undo"]]) {
    const r = cli(dir, args);
    assert.equal(r.code, 0);
    assert.match(r.out, /^sitrep undo: take back your own latest publish/);
    assert.match(r.out, /FLAGS\n {2}--site DIR/);
    assert.equal((r.out.split("EXAMPLES\n")[1].match(/node publisher\/cli\.mjs undo/g) ?? []).length, 2);
    assert.doesNotMatch(r.out, /COMMANDS/);
  }
  const post = cli(dir, ["post", "-h"]).out;
  assert.match(post, /--component ID=STATUS/);
  assert.match(post, /--incident ID/);
  assert.equal(cli(dir, ["help", "pots"]).code, 2);
});

test("components by id, slug or name in any case; statuses as people say them; ambiguity lists the choices", async () => {
  const s = fixtureState();
  s.components.push({ ...s.components[0], id: "api-gateway", slug: "api-gateway", name: "API Gateway", position: 3 });
  const dir = await bare(s);
  let r = cli(dir, ["post", "--name", "Sign-in", "--message", "m", "--component", "PUBLIC API=partial", "--component", "Email=degraded", "--status", "ident", "--yes"]);
  assert.equal(r.code, 0, r.err);
  const now = state(dir);
  assert.equal(now.components.find((c) => c.id === "api").status, "partial_outage");
  assert.equal(now.components.find((c) => c.id === "email").status, "degraded_performance");
  assert.equal(now.incidents[0].status, "identified");
  r = cli(dir, ["post", "--incident", "latest", "--message", "m", "--component", "ap=major", "--yes"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /^sitrep: "ap" could be api or api-gateway; type one of those/);
  r = cli(dir, ["post", "--incident", "latest", "--message", "m", "--component", "webz=major", "--yes"]);
  assert.match(r.err, /^sitrep: no component "webz"; did you mean "web"\?/);
});
