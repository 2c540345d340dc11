import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { publishCustomerVersion } from "./customer-version";
import { signIn } from "./fixtures";

// Every workbench page and every public page, at phone to desktop widths: nothing wider than the screen,
// no form control drawn over another, and (workbench) no axe violations in light and dark.
const WIDTHS = [360, 390, 768, 1280];
const WORKBENCH = [
  "/incidents", "/incidents?q=kinesis&severity=SEV2", "/incidents/new", "/incidents/import",
  "/incidents/kinesis-2020-11-25", "/incidents/kinesis-2020-11-25/edit", "/incidents/kinesis-2020-11-25/history",
  "/action-items", "/services", "/services/kinesis-front-end", "/publish", "/training", "/settings",
  "/insights", "/insights?from=2021-03-01&to=2021-02-01",
];
const SHOTS = "test-results/layout";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The public site's pages, found by following its own links from /status/ (bounded). */
async function publicPages(page: Page): Promise<string[]> {
  // The seeded postmortem is put on the site too, so its public page is checked with the rest.
  const incidents = await (await page.request.get("/api/v2/incidents.json")).json();
  const resolved = incidents.incidents.find((i: { status: string }) => i.status === "resolved");
  if (resolved && !(await page.request.get("/status/postmortems/kinesis-2020-11-25.html")).ok()) {
    const linked = await publishCustomerVersion(page.request, "kinesis-2020-11-25", resolved.id);
    expect(linked.ok(), await linked.text()).toBe(true);
  }
  const seen = new Set<string>(["/status/"]);
  const queue = ["/status/"];
  while (queue.length && seen.size < 12) {
    await page.goto(queue.shift()!);
    const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin || !url.pathname.startsWith("/status/") || !/(\.html|\/)$/.test(url.pathname)) continue;
      if (!seen.has(url.pathname) && seen.size < 12) (seen.add(url.pathname), queue.push(url.pathname));
    }
  }
  return [...seen, "/subscribe", "/signin"];
}

/** Problems with how the page is laid out at this width, in words. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      const wide = [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && el.checkVisibility?.())
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= doc.clientWidth + 1)
        .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      out.push(`page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px viewport (${wide.join(", ")})`);
    }
    const controls = [...document.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea, button, a.button")]
      .filter((el) => el.checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const name = (el: HTMLElement) => {
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      return `${el.tagName.toLowerCase()}[${el.getAttribute("aria-label") ?? labelled?.trim().slice(0, 30) ?? el.getAttribute("name") ?? el.textContent?.trim().slice(0, 20) ?? ""}]`;
    };
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i].r, b = controls[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1 && !controls[i].el.contains(controls[j].el) && !controls[j].el.contains(controls[i].el)) {
          out.push(`${name(controls[i].el)} overlaps ${name(controls[j].el)}`);
        }
      }
    }
    return out.slice(0, 10);
  });
}

async function signedInContext(browser: Browser, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await signIn(page);
  return { context, page };
}

for (const width of WIDTHS) {
  test(`every page fits ${width}px with no control over another`, async ({ browser }) => {
    test.setTimeout(180_000);
    mkdirSync(SHOTS, { recursive: true });
    const { context, page } = await signedInContext(browser, width);
    const pages = [...WORKBENCH, ...(await publicPages(page))];
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      // Folded parts (the catalog editor, the paste box, Markdown sources) are checked open too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      for (const p of await layoutProblems(page)) problems.push(`${path} at ${width}px: ${p}`);
      if (width === 390 || width === 1280) {
        await page.screenshot({ path: `${SHOTS}/${width}${path.replace(/[^a-z0-9]+/gi, "_")}.png`, fullPage: true });
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });
}

for (const [width, scheme] of [[1280, "light"], [1280, "dark"], [390, "light"], [390, "dark"]] as const) {
  test(`axe finds nothing on any workbench page at ${width}px in ${scheme}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await signedInContext(browser, width);
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    for (const path of WORKBENCH) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      for (const v of result.violations) {
        found.push(`${path}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}${v.nodes[0]?.any[0]?.message ? ` — ${v.nodes[0].any[0].message}` : ""}`);
      }
    }
    await context.close();
    expect(found).toEqual([]);
  });
}
