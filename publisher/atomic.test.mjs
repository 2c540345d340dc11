import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite } from "./publish.mjs";
import { fixtureState } from "./fixture.mjs";

/** Everything a reader can fetch is whole: pages end properly, JSON parses, every linked incident page exists. */
function assertComplete(site) {
  for (const page of ["index.html", "history/index.html"]) assert.match(readFileSync(join(site, page), "utf8"), /<\/html>\n$/, page);
  assert.match(readFileSync(join(site, "feed.atom"), "utf8"), /<\/feed>\n$/);
  const state = JSON.parse(readFileSync(join(site, "state.json"), "utf8"));
  for (const path of ["api/v2/summary.json", "api/v2/incidents.json", "api/v2/components.json"]) JSON.parse(readFileSync(join(site, path), "utf8"));
  for (const i of state.incidents) assert.match(readFileSync(join(site, "incidents", `${i.id}.html`), "utf8"), /<\/html>\n$/);
  for (const link of readFileSync(join(site, "index.html"), "utf8").matchAll(/href="(incidents\/[a-z0-9]+\.html)"/g)) assert.ok(existsSync(join(site, link[1])), link[1]);
}

test("killing a publisher at random moments never leaves a half-written site, and its lock is taken over", { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-kill-"));
  const site = join(dir, "site");
  try {
    await createSite(site, fixtureState(), []);
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, [join(import.meta.dirname, "kill-loop.helper.mjs"), site], { stdio: "ignore" });
      const exited = new Promise((r) => child.once("exit", r));
      // Killed at a random moment once it is publishing (a loaded machine can take a while to start node).
      const journal = join(dir, "site.d", "journal.jsonl");
      const size = existsSync(journal) ? statSync(journal).size : 0;
      for (let i = 0; i < 200 && (existsSync(journal) ? statSync(journal).size : 0) === size; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      child.kill("SIGKILL");
      await exited;
      assertComplete(site);
    }
    const state = JSON.parse(readFileSync(join(site, "state.json"), "utf8"));
    assert.ok(state.next_seq > 0, "the loops published something");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
