import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogSchema, type Catalog } from "../catalog";
import { ServiceGraph } from "./graph";
import { blastRadius } from "./blast-radius";
import { statusPathChains, statusPathWarnings } from "./status-path";

const seed = catalogSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, "../../content/services.json"), "utf8")));
const slugs = (r: { slug: string }[]) => r.map((x) => x.slug).sort();

test("Kinesis front-end failing takes down its hard dependents and puts the best-effort ones at risk", () => {
  const br = blastRadius(new ServiceGraph(seed), "kinesis-front-end");
  assert.deepEqual(slugs(br.fails), ["autoscaling", "cloudwatch", "ecs", "eks", "eventbridge", "kinesis-data-streams"]);
  assert.deepEqual(slugs(br.atRisk), ["cognito", "lambda", "service-health-dashboard", "shd-posting-tool"]);
  const cognito = br.atRisk.find((r) => r.slug === "cognito")!;
  assert.deepEqual(cognito.via.map((e) => [e.to, e.from, e.nature]), [
    ["kinesis-front-end", "kinesis-data-streams", "hard"],
    ["kinesis-data-streams", "cognito", "best-effort"],
  ]);
});

test("cycles end where they meet a visited service and leaves have no blast radius", () => {
  const cyclic: Catalog = { services: [
    { slug: "a", name: "A", description: "", public: false, group: "", statusPath: false, dependsOn: [{ service: "c", nature: "hard", note: "" }] },
    { slug: "b", name: "B", description: "", public: false, group: "", statusPath: false, dependsOn: [{ service: "a", nature: "hard", note: "" }] },
    { slug: "c", name: "C", description: "", public: false, group: "", statusPath: false, dependsOn: [{ service: "b", nature: "soft", note: "" }] },
  ] };
  const br = blastRadius(new ServiceGraph(cyclic), "a");
  assert.deepEqual(slugs(br.fails), ["b"]);
  assert.deepEqual(slugs(br.atRisk), ["c"]);
  const leaf = blastRadius(new ServiceGraph(seed), "ecs");
  assert.deepEqual([leaf.fails, leaf.atRisk], [[], []]);
});

test("the status-path warning names the chain posting tool -> Cognito -> Kinesis", () => {
  const graph = new ServiceGraph(seed);
  const warnings = statusPathWarnings(graph, new Set(["kinesis-front-end", "kinesis-data-streams", "cognito"]), "kinesis-front-end");
  const tool = warnings.find((w) => w.service === "shd-posting-tool")!;
  assert.deepEqual(tool.chain.map((e) => e.to), ["cognito", "kinesis-data-streams", "kinesis-front-end"]);
  assert.match(tool.message, /Dashboard posting tool → \(hard\) Cognito → \(best-effort\) Kinesis Data Streams/);
  assert.match(tool.message, /node publisher\/cli\.mjs --help/);
  assert.equal(warnings[0].service, "shd-posting-tool");
  assert.deepEqual(statusPathWarnings(graph, new Set(["ecs"])), []);
});

test("on a quiet day the catalog lists every dependency chain of the status path", () => {
  const chains = statusPathChains(new ServiceGraph(seed)).chains.filter((c) => c.service === "shd-posting-tool");
  assert.deepEqual(chains.map((c) => c.dependency), ["cognito", "kinesis-data-streams", "kinesis-front-end",
    "kinesis-membership-service", "dynamodb", "kinesis-back-end-cells"]);
});
