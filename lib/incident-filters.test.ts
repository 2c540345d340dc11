import { test } from "node:test";
import assert from "node:assert/strict";
import { actionItemFilterSchema, filtersToQuery, incidentFilterSchema, readFilters } from "./incident-filters";

test("filters are read from the URL; empty ones are left out and nonsense is named, not fatal", () => {
  assert.deepEqual(readFilters(incidentFilterSchema, { q: " waf ", severity: "SEV1", status: "", from: "2019-07-01" }),
    { filters: { q: "waf", severity: "SEV1", status: undefined, postmortem: undefined, service: undefined, from: "2019-07-01", to: undefined }, problems: [] });
  const bad = readFilters(incidentFilterSchema, { severity: "SEV9", to: "yesterday", q: ["a", "b"] });
  assert.equal(bad.filters.severity, undefined);
  assert.equal(bad.filters.q, "a");
  assert.deepEqual(bad.problems.map((p) => p.split(":")[0]), ["severity", "to"]);
  assert.equal(readFilters(actionItemFilterSchema, { status: "all" }).filters.status, "all");
  assert.equal(filtersToQuery({ q: "waf", severity: undefined, service: "cdn" }), "?q=waf&service=cdn");
});
