import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { Statuspage } from "statuspage.io";
import { publishCustomerVersion } from "./customer-version";
import { signIn } from "./fixtures";

test("the public site needs no sign-in, is served with ETags, and passes axe with zero violations", async ({ page, request }) => {
  const first = await request.get("/status/");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toContain("public");
  const again = await request.get("/status/", { headers: { "if-none-match": first.headers().etag } });
  expect(again.status()).toBe(304);
  expect((await request.get("/status", { maxRedirects: 0 })).headers().location).toBe("/status/");
  expect((await request.get("/status/../sitrep.db")).status()).toBe(404);
  expect((await request.get("/feed.atom")).headers()["content-type"]).toContain("application/atom+xml");

  for (const path of ["/status/", "/status/history/index.html"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`), path).toEqual([]);
  }
  await page.goto("/status/");
  await page.getByRole("link", { name: /Increased error rates for Kinesis/ }).click();
  await expect(page.getByText("Kinesis Data Streams and CloudWatch have fully recovered")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a real Statuspage client reads the app's API unchanged", async ({ baseURL }) => {
  const client = new Statuspage("unused-page-id");
  client.setApiUrl(baseURL!);
  const summary = await client.api.getSummary();
  expect(summary.page.name).toBe("Example Cloud");
  expect(summary.status.indicator).toMatch(/^(none|minor|major|critical|maintenance)$/);
  expect(summary.components.map((c) => c.id)).toContain("kinesis-data-streams");
  const status = await client.api.getStatus();
  expect(status.status.description).toBeTruthy();
  const all = await client.api.incidents.getAll();
  const kinesis = all.incidents.find((i) => i.name.startsWith("Increased error rates for Kinesis"))!;
  expect(["resolved", "postmortem"], "resolved, or with its postmortem linked by another spec").toContain(kinesis.status);
  expect(kinesis.incident_updates.length).toBe(8);
  expect(kinesis.incident_updates.at(-1)!.status).toBe("investigating");
  expect(Array.isArray((await client.api.incidents.getUnresolved()).incidents)).toBe(true);
  expect(Array.isArray((await client.api.scheduledMaintenances.getAll()).scheduled_maintenances)).toBe(true);
  expect(Array.isArray((await client.api.scheduledMaintenances.getUpcoming()).scheduled_maintenances)).toBe(true);
  expect(Array.isArray((await client.api.getComponents()).components)).toBe(true);
});

test("a responder starts, updates and resolves an incident from the console, with a preview first", async ({ page, request }) => {
  await signIn(page, undefined, "/publish");
  const start = page.getByRole("form", { name: "Start an incident" });
  await start.getByLabel("Title customers will see").fill("Slow EventBridge delivery");
  await start.getByLabel("Message (Markdown: **bold**, lists, links)").fill("Events are **delayed** by up to 10 minutes.");
  await start.getByLabel(/^CloudWatch Events \/ EventBridge/).selectOption("degraded_performance");
  await start.getByRole("button", { name: "Preview" }).click();
  const preview = start.frameLocator('iframe[title="Preview of the public page"]');
  await expect(preview.locator("strong")).toHaveText("delayed");
  expect((await (await request.get("/api/v2/incidents/unresolved.json")).json()).incidents).toHaveLength(0);
  await start.getByRole("button", { name: "Start incident" }).click();

  const open = page.getByRole("region", { name: "Open incident: Slow EventBridge delivery" });
  await expect(open).toBeVisible();
  await open.getByLabel("Status").selectOption("resolved");
  await open.getByLabel("Message (Markdown: **bold**, lists, links)").fill("Delivery is back to normal.");
  await open.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("region", { name: "Open incident: Slow EventBridge delivery" })).toHaveCount(0);

  const incidents = (await (await request.get("/api/v2/incidents.json")).json()).incidents;
  const mine = incidents.find((i: { name: string }) => i.name === "Slow EventBridge delivery");
  expect(mine.incident_updates.map((u: { status: string }) => u.status)).toEqual(["resolved", "investigating"]);
  expect(mine.incident_updates[1].affected_components[0]).toMatchObject({ code: "eventbridge", new_status: "degraded_performance" });
  expect(mine.incident_updates[0].affected_components[0]).toMatchObject({ code: "eventbridge", new_status: "operational" });

  const list = (await (await page.request.get("/api/incidents")).json()).incidents;
  const draft = list.find((i: { title: string }) => i.title === "Slow EventBridge delivery");
  const pm = await (await page.request.get(`/api/incidents/${draft.slug}`)).json();
  expect(pm.postmortemStatus).toBe("draft");
  expect(pm.timeline.filter((e: { kind: string }) => e.kind === "communication").map((e: { text: string }) => e.text)).toEqual([
    "Status page (investigating): Events are **delayed** by up to 10 minutes.",
    "Status page (resolved): Delivery is back to normal.",
  ]);
});

test("the publishing API validates by field and never touches the live site on a refusal", async ({ page, request }) => {
  await signIn(page);
  const before = await (await request.get("/status/index.html")).text();
  const bad = async (url: string, data: unknown, pattern: RegExp) => {
    const res = await page.request.post(url, { data });
    expect(res.status(), url).toBeGreaterThanOrEqual(400);
    expect(res.status(), url).toBeLessThan(500);
    expect((await res.json()).problems.join("; ")).toMatch(pattern);
  };
  await bad("/api/status/incidents", { name: "x", body: "y", components: { "no-such-thing": "major_outage" } }, /components\.no-such-thing: no component/);
  await bad("/api/status/incidents", { name: "x", body: "y", components: { lambda: "melting" } }, /components\.lambda: "melting" is not one of operational/);
  await bad("/api/status/incidents", { name: "x", body: "y", impact: "apocalyptic" }, /^impact:/);
  await bad("/api/status/incidents", { name: "x", body: "   " }, /body: the message must not be empty/);
  await bad("/api/status/incidents", { name: "x", body: "y".repeat(10_001) }, /body: longer than/);
  const resolved = (await (await request.get("/api/v2/incidents.json")).json()).incidents.find((i: { status: string }) => i.status === "resolved");
  await bad(`/api/status/incidents/${resolved.id}/updates`, { body: "more" }, /already resolved/);
  expect(await (await request.get("/status/index.html")).text()).toBe(before);
  const anonymous = await request.post("/api/status/incidents", { data: { name: "x", body: "y" } });
  expect(anonymous.status()).toBe(401);
});

test("a published postmortem goes on the status site and is linked from its incident", async ({ page, request }) => {
  await signIn(page, undefined, "/publish");
  const before = (await (await request.get("/api/v2/incidents.json")).json()).incidents.find((i: { name: string }) => i.name.startsWith("Increased error rates for Kinesis"));
  // Another spec (the public pages' checks) may have linked it already; the console offers only unlinked incidents.
  if (before.status !== "postmortem") {
    // The console points to the customer version; that is what goes on the site (e2e/customer-version.ts).
    await expect(page.getByRole("link", { name: /Kinesis Data Streams outage in us-east-1: customer version/ })).toBeVisible();
    const linked = await publishCustomerVersion(page.request, "kinesis-2020-11-25", before.id);
    expect(linked.status(), await linked.text()).toBe(200);
  }
  const kinesis = (await (await request.get("/api/v2/incidents.json")).json()).incidents.find((i: { name: string }) => i.name.startsWith("Increased error rates for Kinesis"));
  expect(kinesis.status).toBe("postmortem");
  await page.goto(`/status/incidents/${kinesis.id}.html`);
  await page.getByRole("link", { name: "Read the postmortem" }).click();
  await expect(page).toHaveURL(/\/status\/postmortems\/kinesis-2020-11-25\.html$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Postmortem: Kinesis Data Streams outage in us-east-1");
  await expect(page.getByText("per-process thread limit").first()).toBeVisible();
  await expect(page.getByText("[services:")).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const draft = await page.request.post(`/api/status/incidents/${kinesis.id}/postmortem`, { data: { postmortem: "api-made" } });
  expect(draft.status()).toBeGreaterThanOrEqual(400);
});
