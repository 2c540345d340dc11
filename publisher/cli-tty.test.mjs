import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { bare, cli, state } from "./cli-test.helper.mjs";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

test("guided mode on a real terminal (tmux): greyed actions, a wrong key, a name for a component, then a publish", { skip: !hasTmux && "tmux is not installed", timeout: 60_000 }, async () => {
  const dir = await bare();
  assert.equal(cli(dir, ["post", "--name", "Already open", "--message", "m", "--yes"]).code, 0);
  cli(dir, ["resolve", "--incident", "latest", "--yes"]);
  const socket = `sitrep-test-${process.pid}`;
  const tmux = (...args) => spawnSync("tmux", ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  const command = `SITREP_OPERATOR=Tess ${process.execPath} ${join(dir, "publisher", "cli.mjs")} --site ${join(dir, "site")}; echo EXITED $?; sleep 60`;
  assert.equal(tmux("new-session", "-d", "-x", "160", "-y", "60", command).status, 0);
  try {
    const screen = () => tmux("capture-pane", "-p", "-e", "-S", "-200").stdout;
    const waitFor = async (text) => {
      for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (screen().includes(text)) return;
      assert.fail(`never saw ${JSON.stringify(text)}:\n${screen()}`);
    };
    const type = async (keys, until) => {
      tmux("send-keys", "-l", keys);
      tmux("send-keys", "Enter");
      await waitFor(until);
    };
    await waitFor("Letter:");
    assert.match(screen(), /\x1b\[2m {2}u {2}Update an open incident {2}— not now: no incident is open/, "unavailable actions are greyed on a terminal");
    await type("x", '"x" is not one of the letters above');
    await type("n", "Title customers will see");
    await type("Website down", "Choose (number or name)");
    await type("investigating", "Which are affected?");
    await type("website", "New status for Website");
    await type("partial", "Message for customers");
    await type("The website does not load.", "Publish this now?");
    assert.match(screen(), /Website: Partial outage \(was Operational\)/);
    await type("y", "EXITED 0");
    assert.match(screen(), /Customers now see:/);
  } finally {
    tmux("kill-server");
  }
  assert.equal(state(dir).components.find((c) => c.id === "web").status, "partial_outage");
});
