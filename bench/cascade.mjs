import { chromium } from "@playwright/test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { measure, stop, timeToFirst200 } from "./lib.mjs";
import { signInCookie } from "./session.mjs";
import { bigCatalog } from "./fixtures.ts";
import { ServiceGraph } from "../lib/cascade/graph.ts";
import { blastRadius } from "../lib/cascade/blast-radius.ts";
import { cascadeModel } from "../lib/cascade/model.ts";
import { cascadeFlowchart } from "../lib/cascade/mermaid.ts";
import { findChromium, CHROMIUM_ARGS } from "../e2e/browser.ts";

export async function cascadeRows({ runs = 15 } = {}) {
  const catalog = bigCatalog(2000);
  const graph = new ServiceGraph(catalog);
  const radius = await measure(runs, () => blastRadius(graph, "svc-0"));
  const reach = blastRadius(graph, "svc-0");
  const impacted = [reach.origin, ...reach.fails.map((r) => r.slug), ...reach.atRisk.map((r) => r.slug)].slice(0, 150);
  const windows = impacted.map((service, i) => ({ service, condition: ["major", "partial", "degraded"][i % 3], start: "2024-06-01T10:00:00.000Z", end: "2024-06-01T12:00:00.000Z", origin: i === 0 }));
  const generate = await measure(runs, () => {
    const model = cascadeModel(graph, windows, "UTC", true);
    return cascadeFlowchart(model.nodes, model.edges) && undefined;
  });
  const model = cascadeModel(graph, windows, "UTC", true);
  const source = cascadeFlowchart(model.nodes, model.edges);

  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-mermaid-"));
    writeFileSync(join(dir, "index.html"), `<!doctype html><script src="file://${resolve("node_modules/mermaid/dist/mermaid.min.js")}"></script><div id="out"></div>`);
    const page = await browser.newPage();
    await page.goto(`file://${join(dir, "index.html")}`);
    await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", maxEdges: 2000 }));
    const render = await measure(5, async (i) => page.evaluate(async ([src, n]) => {
      const t0 = performance.now();
      const { svg } = await window.mermaid.render(`d${n}`, src);
      document.getElementById("out").innerHTML = svg;
      return performance.now() - t0;
    }, [source, i]));
    rmSync(dir, { recursive: true, force: true });
    const js = await pageScripts(browser);
    return [
      { name: "blast radius, 2,000-service catalog", unit: "ms", target: "< 10 ms", ...radius },
      { name: `mermaid text for a ${model.nodes.length}-node cascade (${model.edges.length} edges)`, unit: "ms", ...generate },
      { name: `render that diagram in Chromium`, unit: "ms", target: "< 2 s", ...render },
      ...js,
    ];
  } finally {
    await browser.close();
  }
}

/** JavaScript downloaded by a page without diagrams and by one with (mermaid arrives only on the latter). */
async function pageScripts(browser) {
  const dataDir = mkdtempSync(join(tmpdir(), "sitrep-bench-js-"));
  const port = 3292, base = `http://127.0.0.1:${port}`;
  const { child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), SITREP_DATA_DIR: dataDir, SITREP_ADMIN_PASSWORD: "bench-password" },
  }, `${base}/signin`);
  try {
    const cookie = await signInCookie(base, "admin@localhost", "bench-password");
    const context = await browser.newContext();
    await context.addCookies(cookie.split("; ").map((c) => { const i = c.indexOf("="); return { name: c.slice(0, i), value: c.slice(i + 1), url: base }; }));
    const bytesFor = async (path, waitFor) => {
      const page = await context.newPage();
      const bodies = [];
      page.on("response", (r) => { if (r.request().resourceType() === "script") bodies.push(r.body().then((b) => b.length, () => 0)); });
      await page.goto(base + path, { waitUntil: "networkidle" });
      if (waitFor) await page.waitForSelector(waitFor);
      await page.waitForLoadState("networkidle");
      const sizes = await Promise.all(bodies);
      await page.close();
      return sizes.reduce((a, b) => a + b, 0) / 1024;
    };
    const without = await bytesFor("/incidents");
    const withDiagrams = await bytesFor("/incidents/kinesis-2020-11-25", '[data-rendered="true"]');
    return [
      { name: "page JS without diagrams (/incidents), uncompressed", unit: "KB", runs: 1, value: without },
      { name: "page JS with diagrams (incident page, mermaid loaded on demand)", unit: "KB", runs: 1, value: withDiagrams },
    ];
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
