import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

const KINESIS = "kinesis-2020-11-25";
const LATER = "kinesis-threads-again-e2e";

const rootCauses = (page: Page) => page.locator('section.list-section[aria-label="Root causes"] .list-item');
const actionItems = (page: Page) => page.locator('section.list-section[aria-label="Action items"] .list-item');

async function save(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText("Saved version");
}

test("a fix that did not hold: tag a cause on Kinesis, close its action item, tag the same cause later, and both postmortems and Insights say it recurred", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, undefined, `/incidents/${KINESIS}/edit`);

  // The tag comes from a suggestion on the cause's text, confirmed by a person: nothing is tagged until then.
  const kinesisCause = rootCauses(page).first();
  await expect(kinesisCause.getByRole("checkbox", { name: "Capacity" })).not.toBeChecked();
  await kinesisCause.getByRole("button", { name: "Tag as Capacity (suggested)" }).click();
  await expect(kinesisCause.getByRole("checkbox", { name: "Capacity" })).toBeChecked();
  await save(page);

  // In between: the action item that addresses that root cause is done.
  const item = actionItems(page).filter({ has: page.locator('input[value="Finish testing an increased OS thread limit"]') });
  const addresses = item.getByLabel("Addresses cause");
  await addresses.selectOption((await addresses.locator("option", { hasText: "Root cause 2: Every front-end server" }).getAttribute("value"))!);
  await item.getByLabel("Status").selectOption("done");
  await item.getByLabel("Closed on").fill("2020-12-15");
  await save(page);

  // A later incident whose root cause is on the same service gets the same tag.
  const made = await page.request.post("/api/incidents", { data: {
    slug: LATER, title: "Kinesis front-end thread limit hit again", severity: "SEV2", status: "resolved", timeZone: "UTC",
    milestones: { impact_start: "2021-06-01T09:00:00.000Z", detected: "2021-06-01T09:20:00.000Z", resolved: "2021-06-01T11:00:00.000Z" },
    causes: [{ kind: "root_cause", text: "A fleet grown past the OS thread limit again.", services: ["kinesis-front-end"] }],
    impactWindows: [{ service: "kinesis-data-streams", condition: "partial", start: "2021-06-01T09:00:00.000Z", end: "2021-06-01T10:30:00.000Z", origin: false }],
  } });
  expect(made.status()).toBe(201);
  await page.goto(`/incidents/${LATER}/edit`);
  await rootCauses(page).first().getByRole("checkbox", { name: "Capacity" }).check();
  await save(page);

  await page.goto(`/incidents/${LATER}`);
  const here = page.getByRole("region", { name: "Did the fix hold?" });
  await expect(here).toContainText("Recurred");
  await expect(here.getByRole("link", { name: /Kinesis/ })).toHaveAttribute("href", `/incidents/${KINESIS}`);
  await expect(page.getByRole("region", { name: "Causes", exact: true })).toContainText("Tags: capacity");

  await page.goto(`/incidents/${KINESIS}`);
  const there = page.getByRole("region", { name: "Did the fix hold?" });
  await expect(there).toContainText("Finish testing an increased OS thread limit");
  await expect(there.getByRole("link", { name: "Kinesis front-end thread limit hit again" })).toHaveAttribute("href", `/incidents/${LATER}`);

  await page.goto("/insights");
  const fixes = page.getByRole("region", { name: "Did the fixes hold?" });
  const row = fixes.locator("tbody tr").filter({ hasText: "Finish testing an increased OS thread limit" });
  await expect(row).toContainText("recurred");
  await expect(row.getByRole("link", { name: "Kinesis front-end thread limit hit again" })).toHaveAttribute("href", `/incidents/${LATER}`);
  await expect(row.getByRole("link", { name: /Kinesis/ }).first()).toHaveAttribute("href", `/incidents/${KINESIS}`);
  await expect(page.getByRole("img", { name: /Incidents per month by severity/ })).toBeVisible();

  const csv = await page.request.get("/api/insights?format=csv&table=recurrences");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`Finish testing an increased OS thread limit,${KINESIS},2020-12-15,capacity,kinesis-front-end,${LATER}`);
});

test("bad filters: the API answers 400 naming the parameter, the page shows an empty state", async ({ page }) => {
  await signIn(page, undefined, "/insights");
  await page.goto("/insights?from=2021-03-01&to=2021-02-01");
  await expect(page.locator(".empty-state[role=alert]")).toContainText("to: 2021-02-01 is before the start of the range");
  await expect(page.getByRole("heading", { name: "No figures for these filters" })).toBeVisible();
  for (const [query, param] of [["severity=SEV9", "severity"], ["service=no-such-service", "service"], ["from=2021-03-01&to=2021-02-01", "to"], ["format=csv&table=nope", "table"], ["format=xml", "format"]]) {
    const res = await page.request.get(`/api/insights?${query}`);
    expect(res.status(), query).toBe(400);
    expect((await res.json()).error, query).toMatch(new RegExp(`^${param}: `));
  }
  await page.goto("/insights?from=1990-01-01&to=1990-12-31");
  await expect(page.getByRole("heading", { name: "No incidents match these filters" })).toBeVisible();
  const json = await (await page.request.get("/api/insights?severity=SEV2&table=incidents-per-month")).json();
  expect(json.columns).toEqual(["Month", "SEV1", "SEV2", "SEV3", "SEV4", "Total"]);
});
