import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite, publish } from "./publish.mjs";
import { syncComponents } from "./components.mjs";
import { fixtureState } from "./fixture.mjs";

/** A bare copy of publisher/ beside a site, as an operator has it when the app is down. */
async function bare() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-comp-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(import.meta.dirname, join(dir, "publisher"), { recursive: true, filter: (src) => !src.endsWith(".test.mjs") });
  await createSite(join(dir, "site"), fixtureState(), []);
  return dir;
}
const cli = (dir, args) => spawnSync(process.execPath, [join(dir, "publisher", "cli.mjs"), "--site", join(dir, "site"), ...args], { encoding: "utf8", timeout: 30_000 });

test("components lists what the page shows: ids, names, groups, status, descriptions; --json as the API has them", async () => {
  const dir = await bare();
  await publish(join(dir, "site"), (s, ctx) => syncComponents(s, [
    { id: "payments-api", name: "Payments API", description: "Card payments", group: "Payments" },
    { id: "api", name: "Public API", group: "Core" },
  ], ctx), { author: "ops@example.com", origin: "app", kind: "components" });
  const r = cli(dir, ["components"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^payments-api\s+Payments API \[Payments\]: operational\n\s+Card payments\napi\s+Public API \[Core\]: operational\n$/);
  const json = JSON.parse(cli(dir, ["components", "--json"]).stdout);
  assert.deepEqual(json.map((c) => [c.id, c.position]), [["payments-api", 1], ["api", 2]]);
  assert.match(cli(dir, ["--help"]).stdout, /components\s+the page's components/);
});
