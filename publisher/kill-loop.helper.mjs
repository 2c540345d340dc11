// @ts-check
// Test helper: publishes as fast as it can until it is killed (used by atomic.test.mjs).
import { publish } from "./publish.mjs";
import { postUpdate, startIncident } from "./apply.mjs";

const site = process.argv[2];
/** @type {string|null} */
let id = null;
for (let n = 0; ; n++) {
  const current = id;
  const r = await publish(site, (s, ctx, find) => {
    const open = current ? find(current) : null;
    return open && n % 5 ? postUpdate(s, open, { status: "identified", body: `update ${n}` }, ctx)
      : startIncident(s, { name: `Incident ${n}`, body: `start ${n}`, components: { api: "partial_outage" } }, ctx);
  }, { author: "loop", origin: "backup" });
  id = r.incident?.id ?? null;
}
