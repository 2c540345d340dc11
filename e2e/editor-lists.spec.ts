import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("the incident list searches and filters on the server, with everything in the URL", async ({ page }) => {
  await signIn(page);
  const made = await page.request.post("/api/incidents", { data: {
    slug: "waf-search", title: "Edge 502s", severity: "SEV1", status: "resolved", timeZone: "UTC",
    milestones: { impact_start: "2019-07-02T13:42:00.000Z" },
    timeline: [{ at: "2019-07-02T13:45:00.000Z", text: "CPU exhausted by a backtracking regex", services: ["waf"] }],
    actionItems: [{ title: "Bound regex CPU", type: "prevent", owner: "edge-team", due: "2019-08-01", status: "open" }],
  } });
  expect(made.status()).toBe(201);

  const search = page.getByRole("search", { name: "Find incidents" });
  await search.getByLabel("Search titles, text and services").fill("backtracking");
  await search.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/\/incidents\?q=backtracking/);
  const rows = page.getByRole("region", { name: "Incidents" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Edge 502s");

  await page.goto("/incidents?service=waf&severity=SEV1&from=2019-07-01&to=2019-07-03");
  await expect(rows).toHaveText([/Edge 502s/]);
  await expect(page.getByLabel("Severity")).toHaveValue("SEV1");
  await page.goto("/incidents?postmortem=published");
  await expect(rows.filter({ hasText: "Kinesis" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Edge 502s" })).toHaveCount(0);
  const published = (await (await page.request.get("/api/incidents?postmortem=published")).json()).incidents; // other specs may publish theirs
  expect(published.every((i: { postmortemStatus: string }) => i.postmortemStatus === "published")).toBe(true);
  await expect(rows).toHaveCount(published.length);
  await page.goto("/incidents?severity=SEV9");
  await expect(search.getByRole("alert")).toContainText("severity:");
  const everything = (await (await page.request.get("/api/incidents")).json()).incidents.length; // other specs may have added some
  await expect(rows).toHaveCount(everything);

  const api = await (await page.request.get("/api/incidents?q=regex")).json();
  expect(api.incidents.map((i: { slug: string }) => i.slug)).toEqual(["waf-search"]);
  expect((await page.request.get("/api/incidents?to=someday")).status()).toBe(400);
});

test("the action-items page lists every item still to do across postmortems, overdue first, filtered in the URL", async ({ page }) => {
  await signIn(page, undefined, "/action-items");
  const rows = page.getByRole("region", { name: "Action items" }).locator("tbody tr");
  await expect(rows.first()).toContainText("overdue"); // overdue items lead, whichever postmortem they are in
  await expect(rows.filter({ hasText: "Bound regex CPU" })).toContainText("overdue");
  await page.getByLabel("Owner").selectOption("edge-team");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/action-items\?owner=edge-team/);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("link", { name: "Edge 502s" })).toHaveAttribute("href", "/incidents/waf-search");
});
