// Bounded work per request: figures for the limits added against one-request denial of service.
import { measure } from "./lib.mjs";
import { bigCatalog } from "./fixtures.ts";
import { catalogSchema } from "../lib/catalog.ts";
import { ServiceGraph } from "../lib/cascade/graph.ts";
import { statusPathChains } from "../lib/cascade/status-path.ts";
import { renderStoredMarkdown } from "../lib/markdown/render-stored.ts";
import { importWithinLimit } from "../server/import-markdown.ts";

/** n services on the status path, each depending on the next (the catalog that used to exhaust memory). */
function chained(n) {
  return new ServiceGraph({ services: Array.from({ length: n }, (_, i) => ({
    slug: `s${i}`, name: `Service ${i}`, description: "", public: false, group: "", statusPath: true,
    dependsOn: i + 1 < n ? [{ service: `s${i + 1}`, nature: "hard", note: "" }] : [],
  })) });
}

export async function securityRows({ runs = 5 } = {}) {
  const graph = chained(700);
  const chains = await measure(runs, () => void statusPathChains(graph));
  const catalog = bigCatalog(2000);
  const validate = await measure(runs, () => void catalogSchema.parse(catalog));
  const slow = "[a](".repeat(70_000);
  const firstView = await measure(runs, (i) => void renderStoredMarkdown(slow + " ".repeat(i + 1)));
  const cachedView = await measure(runs, () => void renderStoredMarkdown(slow + " "));
  const importRefused = await measure(runs, () => { try { importWithinLimit(`# Slow\n\n## Summary\n\n${slow}`); } catch { /* refused, as expected */ } });
  return [
    { name: "status-path chains, 700 chained services (capped at 100)", unit: "ms", target: "< 1 s", ...chains },
    { name: "catalog validation incl. depth, 2,000 services", unit: "ms", target: "< 1 s", ...validate },
    { name: "first view of a 280 KB pathological Markdown field", unit: "ms", target: "≤ 250 ms cut-off", ...firstView },
    { name: "later views of it (cached)", unit: "ms", target: "< 5 ms", ...cachedView },
    { name: "import of a 280 KB pathological document, refused", unit: "ms", target: "≤ 1 s cut-off", ...importRefused },
  ];
}
