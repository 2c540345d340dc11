import { test } from "node:test";
import assert from "node:assert/strict";
import { catalogSchema, MAX_CHAIN_DEPTH, type Catalog } from "../catalog";
import { describeIssues } from "../model";
import { ServiceGraph } from "./graph";
import { MAX_CHAINS, statusPathChains, statusPathWarnings } from "./status-path";
import { whatIf } from "./what-if";

const SERVICES = Number(process.env.SITREP_CHAIN_SERVICES || 700);

/** n services on the status path, each depending on the next: the audit's catalog that killed the process. */
function chained(n: number): Catalog {
  return {
    services: Array.from({ length: n }, (_, i) => ({
      slug: `s${i}`, name: `Service ${i}`, description: "", public: false, group: "", statusPath: true,
      dependsOn: i + 1 < n ? [{ service: `s${i + 1}`, nature: "hard" as const, note: "" }] : [],
    })),
  };
}

test(`a ${SERVICES}-service chained catalog is analysed quickly, with a capped number of shortest chains`, () => {
  const catalog = chained(SERVICES);
  const graph = new ServiceGraph(catalog);
  const started = performance.now();
  const { chains, total } = statusPathChains(graph);
  const warnings = statusPathWarnings(graph, new Set([`s${SERVICES - 1}`]));
  const what = whatIf(catalog, `s${SERVICES - 1}`)!;
  console.log(`${SERVICES} chained services: chains, warnings and what-if in ${Math.round(performance.now() - started)} ms`);
  assert.equal(total, (SERVICES * (SERVICES - 1)) / 2);
  assert.equal(chains.length, MAX_CHAINS);
  assert.ok(chains.every((c) => c.chain.length === 1), "the shortest chains are the ones kept");
  assert.ok(warnings.length <= MAX_CHAINS);
  assert.deepEqual(warnings.slice(0, 2).map((w) => w.chain.length), [0, 1], "the failed service itself, then the one right above it");
  assert.ok(what.warnings.length <= MAX_CHAINS);
});

test("the catalog refuses a chain deeper than the limit, naming the service where it starts", () => {
  const parsed = catalogSchema.safeParse(chained(SERVICES));
  assert.equal(parsed.success, false);
  assert.deepEqual(describeIssues(parsed.error!), [`services.0.dependsOn: "s0" starts a chain of ${SERVICES - 1} dependencies, one after another; at most ${MAX_CHAIN_DEPTH} are allowed`]);
  assert.equal(catalogSchema.safeParse(chained(MAX_CHAIN_DEPTH + 1)).success, true);
  const tooMany = catalogSchema.safeParse({ services: Array.from({ length: 2001 }, (_, i) => ({ slug: `s${i}`, name: "x" })) });
  assert.deepEqual(describeIssues(tooMany.error!), ["services: at most 2000 services in a catalog"]);
});
