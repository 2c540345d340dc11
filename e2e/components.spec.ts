import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { signIn } from "./fixtures";

const site = () => join(process.env.SITREP_E2E_DATA_DIR!, "site");

test("a catalog service made public becomes a component everywhere: preview, save, console, page, API, CLI; rename and retire keep history", async ({ page, request }) => {
  await signIn(page, undefined, "/services");
  const editor = page.getByRole("region", { name: "Change the catalog" });
  await editor.getByText("Edit services and dependencies").click();
  await editor.getByRole("button", { name: "Add service" }).click();
  const fresh = editor.getByRole("group", { name: "Service (new)" });
  await fresh.getByLabel("Name").fill("Payments API");
  await fresh.getByLabel("Group").fill("Payments");
  await fresh.getByLabel("Public component").check();
  await fresh.getByLabel("Slug").fill("payments-api");
  await editor.getByRole("button", { name: "Save catalog" }).click();
  const preview = editor.getByRole("status").filter({ hasText: "Saving also changes the public status page" });
  await expect(preview).toContainText('add "Payments API" in group "Payments"');
  expect((await (await request.get("/api/v2/components.json")).json()).components.some((c: { id: string }) => c.id === "payments-api")).toBe(false);
  await Promise.all([page.waitForEvent("load"), preview.getByRole("button", { name: "Save and publish" }).click()]);

  await page.goto("/publish");
  const start = page.getByRole("form", { name: "Start an incident" });
  await start.getByLabel("Title customers will see").fill("Card payments failing");
  await start.getByLabel("Message (Markdown: **bold**, lists, links)").fill("Some card payments fail.");
  await start.getByLabel(/^Payments API/).selectOption("partial_outage");
  await start.getByRole("button", { name: "Start incident" }).click();
  await expect(page.getByRole("region", { name: "Open incident: Card payments failing" })).toBeVisible();

  const summary = await (await request.get("/api/v2/summary.json")).json();
  const pay = summary.components.find((c: { id: string }) => c.id === "payments-api");
  expect(pay).toMatchObject({ name: "Payments API", status: "partial_outage", group: false });
  expect(summary.components.find((c: { name: string; group: boolean }) => c.group && c.name === "Payments").components).toEqual(["payments-api"]);
  const incident = summary.incidents.find((i: { name: string }) => i.name === "Card payments failing");
  expect(incident.components.map((c: { id: string }) => c.id)).toEqual(["payments-api"]);
  const index = await (await request.get("/status/")).text();
  expect(index).toContain("Card payments failing");
  expect(index).toContain("Payments API");

  const cli = spawnSync(process.execPath, ["publisher/cli.mjs", "components", "--site", site()], { encoding: "utf8", timeout: 30_000 });
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toMatch(/^payments-api\s+Payments API \[Payments\]: partial outage$/m);

  // Retiring it while the incident is open is refused, naming the incident; nothing changes.
  const catalog = await (await page.request.get("/api/services")).json();
  const withPay = (patch: Record<string, unknown>) => ({ services: catalog.services.map((s: { slug: string }) => (s.slug === "payments-api" ? { ...s, ...patch } : s)) });
  const refused = await page.request.put("/api/services", { data: withPay({ public: false }) });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).problems.join()).toMatch(/components\.payments-api: cannot retire "Payments API" while the open incident "Card payments failing"/);
  expect((await (await page.request.get("/api/services")).json()).services.find((s: { slug: string }) => s.slug === "payments-api").public).toBe(true);

  await page.request.post(`/api/status/incidents/${incident.id}/updates`, { data: { status: "resolved", body: "Fixed." } });
  const renamed = await page.request.put("/api/services", { data: withPay({ name: "Card Payments" }) });
  expect(renamed.status()).toBe(200);
  expect((await renamed.json()).statusPageChanges).toEqual(['rename "Payments API" to "Card Payments"']);
  const after = (await (await request.get("/api/v2/components.json")).json()).components.find((c: { id: string }) => c.id === "payments-api");
  expect(after.name).toBe("Card Payments");
  expect((await request.get(`/status/incidents/${incident.id}.html`)).status()).toBe(200);

  const retired = await page.request.put("/api/services", { data: withPay({ name: "Card Payments", public: false }) });
  expect(retired.status()).toBe(200);
  expect((await (await request.get("/api/v2/components.json")).json()).components.some((c: { id: string }) => c.id === "payments-api")).toBe(false);
  await page.goto(`/status/incidents/${incident.id}.html`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Card payments failing");
  const past = (await (await request.get("/api/v2/incidents.json")).json()).incidents.find((i: { id: string }) => i.id === incident.id);
  expect(past.incident_updates.at(-1).affected_components[0]).toMatchObject({ code: "payments-api", new_status: "partial_outage" });
});

test("bad catalogs are refused naming the field, and neither the catalog nor the live site changes", async ({ page, request }) => {
  await signIn(page);
  const before = await (await request.get("/status/index.html")).text();
  const catalog = await (await page.request.get("/api/services")).json();
  const first = catalog.services.find((s: { public: boolean }) => s.public);
  const bad = async (services: unknown[], pattern: RegExp) => {
    const res = await page.request.put("/api/services", { data: { services } });
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
    expect((await res.json()).problems.join("; ")).toMatch(pattern);
  };
  const extra = (patch: Record<string, unknown>) => [...catalog.services, { slug: "extra", name: "Extra", public: true, ...patch }];
  await bad(extra({ name: "" }), /services\.\d+\.name/);
  await bad(extra({ name: "x".repeat(300) }), /services\.\d+\.name/);
  await bad(extra({ name: first.name.toUpperCase() }), /components\.extra\.name: .* is already the name of/);
  await bad(extra({ group: "g".repeat(101) }), /services\.\d+\.group/);
  await bad([...catalog.services, { ...first }], /duplicate slug/);
  // An editor may change the catalog, but not what customers see: that is publishing (responder).
  const { token } = await (await page.request.post("/api/tokens", { data: { name: "catalog-editor", role: "editor" } })).json();
  const asEditor = await request.put("/api/services", { headers: { authorization: `Bearer ${token}` }, data: { services: extra({}) } });
  expect(asEditor.status()).toBe(403);
  expect((await asEditor.json()).problems[0]).toMatch(/^auth: this catalog changes the public status page \(add "Extra"\); that needs the responder role/);
  expect(await (await request.get("/status/index.html")).text()).toBe(before);
  expect((await (await page.request.get("/api/services")).json()).services.length).toBe(catalog.services.length);
});
