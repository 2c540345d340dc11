import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogSchema, type Catalog } from "../catalog";
import { importPostmortem } from "../markdown/import";
import { ServiceGraph } from "./graph";
import { cascadeModel } from "./model";
import { cascadeFlowchart, mermaidText } from "./mermaid";
import { ganttText, impactGantt } from "./gantt";

const root = join(import.meta.dirname, "../..");
const catalog = catalogSchema.parse(JSON.parse(readFileSync(join(root, "content/services.json"), "utf8")));
const kinesis = importPostmortem(readFileSync(join(root, "content/kinesis-2020-11-25.md"), "utf8")).postmortem;

test("the Kinesis cascade runs from the front-end fleet to ECS/EKS and to the dashboard posting tool", () => {
  const graph = new ServiceGraph(catalog);
  const model = cascadeModel(graph, kinesis.impactWindows, kinesis.timeZone);
  assert.equal(model.origin, "kinesis-front-end");
  const node = (slug: string) => model.nodes.find((n) => n.slug === slug)!;
  assert.deepEqual([node("cloudwatch").condition, node("cloudwatch").window], ["major", "05:15–22:31"]);
  assert.equal(node("lambda").window, "06:15–10:36");
  assert.equal(node("dynamodb").faded, true);
  assert.equal(node("shd-posting-tool").statusPath, true);
  const has = (to: string, from: string) => model.edges.some((e) => e.to === to && e.from === from);
  for (const [to, from] of [["kinesis-front-end", "kinesis-data-streams"], ["kinesis-data-streams", "eventbridge"], ["eventbridge", "ecs"],
    ["eventbridge", "eks"], ["kinesis-data-streams", "cognito"], ["cognito", "shd-posting-tool"]]) assert.ok(has(to, from), `${to} -> ${from}`);
  assert.equal(model.warnings[0].service, "shd-posting-tool");
  assert.equal(cascadeModel(graph, kinesis.impactWindows, kinesis.timeZone, true).nodes.some((n) => n.slug === "dynamodb"), false);

  const text = cascadeFlowchart(model.nodes, model.edges);
  assert.match(text, /^flowchart LR\n/);
  const id = (slug: string) => `n${model.nodes.findIndex((n) => n.slug === slug)}`;
  assert.ok(text.includes(`${id("kinesis-data-streams")} -.->|best#45;effort| ${id("cognito")}`));
  assert.ok(text.includes(`${id("kinesis-front-end")} ==>|hard| ${id("kinesis-data-streams")}`));
  assert.ok(text.includes(`${id("cognito")}["Cognito<br/>07#58;01#8211;14#58;18"]`));
  assert.match(text, new RegExp(`class [n0-9,]*${id("kinesis-front-end")}[n0-9,]* origin`));
});

test("hostile names are escaped so they cannot close a label or add nodes", () => {
  for (const name of ['<img src=x onerror=alert(1)>', 'A"] --> B[', "x\n  click n0 call alert(1)", "%%{init: {}}%%"]) {
    const escaped = mermaidText(name);
    assert.doesNotMatch(escaped, /[<>"\[\]{}%|()\n]/);
    assert.doesNotMatch(escaped, /-->/);
  }
  assert.equal(mermaidText('A"] --> B['), "A#34;#93; #45;#45;#62; B#91;");
  const hostile: Catalog = { services: [
    { slug: "evil", name: 'A"] --> B[', description: "", public: false, group: "", statusPath: false, dependsOn: [] },
    { slug: "victim", name: "<img src=x onerror=alert(1)>", description: "", public: false, group: "", statusPath: false, dependsOn: [{ service: "evil", nature: "hard", note: "" }] },
  ] };
  const model = cascadeModel(new ServiceGraph(hostile), [{ service: "evil", condition: "major", start: "2020-01-01T00:00:00.000Z", end: null, origin: true }], "UTC");
  const text = cascadeFlowchart(model.nodes, model.edges);
  assert.equal(text.split("\n").filter((l) => l.includes("-->") || l.includes("==>") || l.includes("-.->")).length, 1);
  assert.doesNotMatch(text, /<img/);
});

test("the impact gantt marks milestones and one bar per window, in the incident's zone", () => {
  const text = impactGantt(kinesis, (s) => catalog.services.find((x) => x.slug === s)?.name ?? s);
  assert.match(text, /^gantt\n/);
  assert.match(text, /Root cause identified :milestone, 2020-11-25 09:39, 0m/);
  assert.match(text, /section Kinesis front-end fleet\n  major \(origin\) :crit, 2020-11-25 05:15, 2020-11-25 22:23/);
  assert.match(text, /section Lambda\n  partial :2020-11-25 06:15, 2020-11-25 10:36/);
  assert.equal(ganttText("a:b#c;d\nsection x"), "a b c d section x");
});

test("an incident whose windows name no catalog service draws nothing, not the status path on its own", () => {
  const graph = new ServiceGraph(catalog);
  assert.deepEqual(cascadeModel(graph, [], "UTC").nodes, []);
  assert.deepEqual(cascadeModel(graph, [{ service: "waf", condition: "major", start: "2019-07-02T13:42:00.000Z", end: null, origin: true }], "UTC").nodes, []);
});
