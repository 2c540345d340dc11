import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { importPostmortem } from "./markdown/import";
import { draftPublicPostmortem } from "./public-draft";
import { checkDisclosure } from "./disclosure";

const kinesis = importPostmortem(readFileSync("content/kinesis-2020-11-25.md", "utf8"));
const catalog = JSON.parse(readFileSync("content/services.json", "utf8")).services as { slug: string; name: string; public?: boolean }[];
const publicServices = catalog.filter((s) => s.public).map((s) => ({ slug: s.slug, name: s.name }));

test("the Kinesis draft: the four sections, public components only, times in the page's zone, no annotations", () => {
  const pm = kinesis.postmortem;
  const preventing = pm.actionItems.map((a, i) => (a.type === "prevent" ? i : -1)).filter((i) => i >= 0);
  const body = draftPublicPostmortem({ pm, publicServices, pageZone: "America/Los_Angeles", publicItems: preventing });
  assert.deepEqual(body.match(/^## .*/gm), ["## What happened", "## Who was affected and when", "## What we did", "## What we are changing"]);
  assert.match(body, /\| Kinesis Data Streams \| Major outage \| 2020-11-25 05:15 PST \| 2020-11-25 22:23 PST \|/);
  assert.doesNotMatch(body, /kinesis-front-end|Kinesis front-end fleet \|/, "an internal service gets no row");
  assert.doesNotMatch(body, /\[(events|services):/);
  assert.doesNotMatch(body, /in_progress|Kinesis team/, "no owners or statuses");
  const findings = checkDisclosure(body, {
    people: [], allowedHosts: [],
    services: catalog.map((s) => ({ slug: s.slug, name: s.name, public: !!s.public })),
  });
  assert.ok(findings.every((f) => f.kind === "internal_service"), "what is left to fix is prose naming internal services");
});
