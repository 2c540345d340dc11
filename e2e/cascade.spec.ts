import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("the Kinesis cascade renders as SVG with the whole chain, and the status-path warning names it", async ({ page }) => {
  await signIn(page, undefined, "/incidents/kinesis-2020-11-25");
  const warning = page.getByRole("alert").filter({ hasText: "status-publishing path" });
  await expect(warning).toContainText("Dashboard posting tool → (hard) Cognito → (best-effort) Kinesis Data Streams");
  await expect(warning).toContainText("node publisher/cli.mjs");

  const cascade = page.getByRole("img", { name: "Dependency cascade" });
  await cascade.scrollIntoViewIfNeeded(); // diagrams are drawn once they come into view
  await expect(cascade).toHaveAttribute("data-rendered", "true");
  const svg = cascade.locator("svg");
  await expect(svg.locator("g.node").first()).toBeVisible();
  const labels = await svg.locator("g.node").allTextContents();
  for (const name of ["Kinesis front-end fleet", "Kinesis Data Streams", "CloudWatch", "Cognito", "Elastic Container Service",
    "Elastic Kubernetes Service", "Dashboard posting tool", "AutoScaling", "Lambda"]) {
    expect(labels.some((l) => l.startsWith(name)), name).toBe(true);
  }
  expect(labels.find((l) => l.startsWith("CloudWatch05"))).toContain("05:15–22:31");
  expect(labels.find((l) => l.startsWith("Kinesis front-end fleet"))).toContain("origin");
  expect(await svg.locator("g.edgeLabel").allTextContents()).toContain("best-effort");
  const gantt = page.getByRole("img", { name: "Impact windows per service over time" });
  await gantt.scrollIntoViewIfNeeded();
  await expect(gantt.locator("svg")).toContainText("Root cause identified");

  const api = await (await page.request.get("/api/incidents/kinesis-2020-11-25/cascade")).json();
  expect(api.origin).toBe("kinesis-front-end");
  expect(api.warnings[0].chain.map((e: { to: string }) => e.to)).toEqual(["cognito", "kinesis-data-streams", "kinesis-front-end"]);
  expect(api.mermaid.flowchart).toMatch(/^flowchart LR/);
});

test("what-if: the blast radius of Kinesis lists what fails and what is at risk, and warns about status publishing", async ({ page }) => {
  await signIn(page, undefined, "/services");
  await expect(page.getByRole("region", { name: "What the status-publishing path depends on" }))
    .toContainText("Dashboard posting tool → (hard) Cognito → (best-effort) Kinesis Data Streams");
  await page.goto("/services/kinesis-data-streams");
  await expect(page.getByRole("region", { name: /Fails with it/ })).toContainText("CloudWatch");
  await expect(page.getByRole("region", { name: /At risk/ })).toContainText("Cognito");
  await expect(page.getByRole("alert").filter({ hasText: "status-publishing path" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Blast radius/ }).locator("svg")).toBeVisible();
  const br = await (await page.request.get("/api/services/kinesis-data-streams/blast-radius")).json();
  expect(br.atRisk.map((r: { slug: string }) => r.slug)).toContain("cognito");
});

test("hostile service names render as text and run no script; bad catalogs change nothing", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await signIn(page, undefined, "/services");
  const catalog = await (await page.request.get("/api/services")).json();
  const hostile = '<img src=x onerror="window.__pwned=1;alert(1)">';
  const breaker = 'A"] --> B[';
  catalog.services.push(
    { slug: "hostile", name: hostile, description: "", public: false, group: "", statusPath: false, dependsOn: [{ service: "kinesis-data-streams", nature: "hard", note: "<script>alert(2)</script>" }] },
    { slug: "breaker", name: breaker, description: "", public: false, group: "", statusPath: false, dependsOn: [{ service: "hostile", nature: "soft", note: "" }] },
  );
  expect((await page.request.put("/api/services", { data: catalog })).status()).toBe(200);

  await page.goto("/services/hostile");
  await page.getByRole("img", { name: /Blast radius/ }).scrollIntoViewIfNeeded(); // drawn once in view
  const svg = page.getByRole("img", { name: /Blast radius/ }).locator("svg");
  await expect(svg).toBeVisible();
  await expect(svg).toContainText(breaker);
  await expect(svg.locator("img")).toHaveCount(0);
  await page.goto("/services/kinesis-data-streams");
  await page.getByRole("img", { name: /Blast radius/ }).scrollIntoViewIfNeeded();
  const radius = page.getByRole("img", { name: /Blast radius/ }).locator("svg");
  await expect(radius).toContainText(hostile);
  await expect(radius.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  const before = await (await page.request.get("/api/services")).text();
  const badJson = await page.request.put("/api/services", { data: Buffer.from('{"services": [}'), headers: { "content-type": "application/json" } });
  expect(badJson.status()).toBe(400);
  expect((await badJson.json()).problems[0]).toMatch(/^body: not valid JSON \(.+\)$/);
  const dangling = structuredClone(catalog);
  dangling.services[0].dependsOn.push({ service: "nowhere", nature: "hard", note: "" });
  dangling.services.push({ ...dangling.services[1] });
  const res = await page.request.put("/api/services", { data: dangling });
  expect(res.status()).toBe(400);
  const problems: string[] = (await res.json()).problems;
  expect(problems).toContain(`services.0.dependsOn.${dangling.services[0].dependsOn.length - 1}.service: "${dangling.services[0].slug}" depends on unknown service "nowhere"`);
  expect(problems.some((p) => p.includes(`duplicate slug "${dangling.services[1].slug}"`))).toBe(true);
  const self = structuredClone(catalog);
  self.services[1].dependsOn = [{ service: self.services[1].slug, nature: "hard", note: "" }];
  expect((await (await page.request.put("/api/services", { data: self })).json()).problems[0]).toMatch(/cannot depend on itself/);
  const dropInUse = { services: catalog.services.filter((s: { slug: string }) => s.slug !== "ecs") };
  const inUse = await page.request.put("/api/services", { data: dropInUse });
  expect(inUse.status()).toBe(409);
  expect((await inUse.json()).problems[0]).toMatch(/"ecs" is still used by incident "kinesis-2020-11-25"/);
  expect(await (await page.request.get("/api/services")).text()).toBe(before);
});
