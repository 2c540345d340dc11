import { test } from "node:test";
import assert from "node:assert/strict";
import { applyInsightFilters, parseInsightFilters } from "./insight-filters";
import { buildInsights, INSIGHT_TABLES } from "./insight-report";
import { toCsv } from "./csv";
import type { InsightIncident, InsightService } from "./insights";

const SERVICES: InsightService[] = [
  { slug: "cognito", name: "Cognito", isPublic: true, group: "Security" },
  { slug: "lambda", name: "Lambda", isPublic: true, group: "Compute" },
];
const incident = (slug: string, start: string, service: string, severity: InsightIncident["severity"] = "SEV2"): InsightIncident => ({
  slug, title: slug, severity, status: "resolved", createdAt: start, milestones: { impact_start: start },
  impactWindows: [{ service, condition: "major", start, end: null, origin: true }], causes: [], actionItems: [],
});
const ALL = [incident("jan", "2021-01-31T23:30:00.000Z", "cognito", "SEV1"), incident("feb", "2021-02-01T00:30:00.000Z", "lambda")];

test("bad filters are named by their parameter: unknown values, a service or group not in the catalog, a reversed range", () => {
  const { problems } = parseInsightFilters({ severity: "SEV9", from: "2021-02-30x", service: "nope", group: "Nowhere" }, SERVICES);
  assert.deepEqual(problems.map((p) => p.param), ["from", "severity", "service", "group"]);
  const reversed = parseInsightFilters({ from: "2021-03-01", to: "2021-02-01" }, SERVICES).problems;
  assert.deepEqual(reversed, [{ param: "to", message: "2021-02-01 is before the start of the range (from 2021-03-01)" }]);
  const ok = parseInsightFilters({ from: "", severity: "SEV1", group: "Compute" }, SERVICES);
  assert.deepEqual([ok.filters.from, ok.filters.severity, ok.filters.group, ok.problems], [undefined, "SEV1", "Compute", []]);
});

test("filters keep incidents by the UTC day they started, severity, service and group", () => {
  const slugs = (f: Parameters<typeof applyInsightFilters>[1]) => applyInsightFilters(ALL, f, SERVICES).map((i) => i.slug);
  assert.deepEqual(slugs({ to: "2021-01-31" }), ["jan"]);
  assert.deepEqual(slugs({ from: "2021-02-01", to: "2021-02-01" }), ["feb"]);
  assert.deepEqual(slugs({ severity: "SEV1" }), ["jan"]);
  assert.deepEqual(slugs({ service: "lambda" }), ["feb"]);
  assert.deepEqual(slugs({ group: "Security" }), ["jan"]);
});

test("every table has a name, columns and rows of the same width; CSV quotes and defuses formulas", () => {
  const report = buildInsights(ALL, SERVICES, [], {}, "2021-02-01T01:00:00.000Z");
  assert.deepEqual(Object.keys(report.tables), [...INSIGHT_TABLES]);
  for (const t of Object.values(report.tables)) for (const r of t.rows) assert.equal(r.length, t.columns.length, t.name);
  assert.deepEqual(report.tables["component-impact"].rows, [["Cognito", "Security", 90, 1, 1], ["Lambda", "Compute", 30, 1, 1]]);
  assert.equal(toCsv(["a", "b"], [["x,y", '=HYPERLINK("z")'], [null, 3]]), 'a,b\r\n"x,y","\'=HYPERLINK(""z"")"\r\n,3\r\n');
});
