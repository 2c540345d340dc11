// The public page's weight with a realistic busy page: 20 components in 5 groups, 60 past incidents,
// one active incident, one upcoming maintenance and a critical banner. `node bench/status-page.mjs DIR`
// also writes the site there (for screenshots).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { maintenance, postUpdate, setBanner, startIncident } from "../publisher/apply.mjs";
import { syncComponents } from "../publisher/components.mjs";
import { newId } from "../publisher/publish.mjs";
import { render } from "../publisher/render.mjs";
import { emptyState } from "../publisher/state.mjs";
import { zoneTable } from "../publisher/zone-table.mjs";

const GROUPS = ["Payments", "Storage", "Compute", "Messaging", "Website"];

export function busyState(now = "2026-11-23T08:00:00.000Z") {
  const t0 = Date.parse(now) - 80 * 86_400_000;
  const at = (ms) => ({ author: "bench", origin: "app", now: new Date(ms).toISOString(), newId });
  let state = emptyState({ id: "benchpage0001", name: "Acme Cloud", url: "https://status.acme.test", time_zone: "Europe/Berlin", subscribe_url: "https://app.acme.test/subscribe" }, new Date(t0).toISOString());
  state.page.zone_table = zoneTable("Europe/Berlin");
  state.page.description = "Payments, storage and compute for Acme shops.";
  ({ state } = syncComponents(state, Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, name: `${GROUPS[i % 5]} service ${Math.floor(i / 5) + 1}`, group: GROUPS[i % 5] })), at(t0)));
  const statuses = ["partial_outage", "degraded_performance", "major_outage"];
  for (let n = 0; n < 60; n++) {
    const start = t0 + n * 31 * 3_600_000;
    let r = startIncident(state, { name: `Elevated errors on ${state.components[n % 20].name}`, body: "Errors are elevated; we are investigating.", components: { [`c${n % 20}`]: statuses[n % 3] } }, at(start));
    r = postUpdate(r.state, r.incident, { status: "resolved", body: "Resolved." }, at(start + (20 + n) * 60_000));
    state = r.state;
  }
  ({ state } = startIncident(state, { name: "Card payments failing for some customers", body: "Some card payments fail. We are **investigating**.", components: { c0: "partial_outage", c5: "degraded_performance" } }, at(Date.parse(now) - 3_600_000)));
  ({ state } = maintenance(state, null, { name: "Database upgrade", body: "Storage will be read-only for up to 30 minutes.", scheduled_for: "2026-11-29T02:00:00Z", scheduled_until: "2026-11-29T04:00:00Z", components: ["c1"] }, at(Date.parse(now) - 7_200_000)));
  ({ state } = setBanner(state, { text: "Card payments are failing for some customers.", level: "critical" }, at(Date.parse(now) - 3_000_000)));
  return state;
}

export function statusPageRows() {
  const now = "2026-11-23T08:00:00.000Z";
  const index = render(busyState(now), { now }).get("index.html");
  const sizes = [1, 2, 3].map(() => gzipSync(index, { level: 9 }).length);
  return [
    { name: "status page index.html raw (20 components in 5 groups, 60 past, 1 active, 1 maintenance)", unit: "KB", runs: 1, value: Buffer.byteLength(index) / 1024 },
    { name: "status page index.html gzip (same)", unit: "KB", runs: sizes.length, value: sizes.sort()[1] / 1024, target: "< 14 KB (one initial window, one request)" },
  ];
}

if (process.argv[1]?.endsWith("status-page.mjs")) {
  const out = process.argv[2];
  if (out) {
    const now = "2026-11-23T08:00:00.000Z";
    const state = busyState(now);
    const files = render(state, { now, buckets: new Map([[0, state.incidents.slice(0, 50)], [1, state.incidents.slice(50)]]) });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), content);
    }
  }
  console.log(statusPageRows());
}
