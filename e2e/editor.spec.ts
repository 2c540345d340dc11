import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./fixtures";

test("an editor writes a small postmortem from scratch, adding events by keyboard and by pasting", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "New postmortem" }).click();
  await expect(page).toHaveURL(/\/incidents\/new$/); // the list's search box also mentions titles
  await page.getByLabel("Title", { exact: true }).fill("Checkout latency spike");
  await page.getByLabel("Severity").selectOption("SEV2");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page).toHaveURL(/\/incidents\/checkout-latency-spike\/edit$/, { timeout: 30_000 });

  await page.getByRole("textbox", { name: "Summary", exact: true }).fill("Checkout was **slow** for 40 minutes.");
  await expect(page.getByLabel("Summary preview").locator("strong")).toHaveText("slow");
  await page.getByRole("button", { name: "Add trigger" }).click();
  await page.getByRole("region", { name: "Trigger" }).getByLabel("Description").fill("A cache flag flipped during a deploy.");
  await page.getByRole("button", { name: "Add root cause" }).click();
  await page.getByRole("region", { name: "Root causes" }).getByLabel("Description").fill("Cold cache sent every read to the database.");

  const milestones = page.getByRole("region", { name: /Milestones/ });
  // The date once, then times alone.
  await milestones.getByLabel("Incident date").fill("2026-03-02");
  await milestones.getByLabel("Impact start", { exact: true }).fill("14:00");
  await milestones.getByLabel("Detected", { exact: true }).fill("14:10");
  await expect(page.locator('[data-metric="detect"]')).toContainText("10m");
  await expect(page.locator('[data-metric="resolve"]')).toContainText("needs the Resolved milestone");

  // Keyboard only: the time field first, Tab through the fields, Enter adds. The date follows the impact start.
  const add = page.getByRole("form", { name: "Add a timeline event" });
  await expect(add.getByLabel("Date")).toHaveValue("2026-03-02");
  await add.getByLabel(/^Time/).focus();
  await page.keyboard.type("14:05");
  await page.keyboard.press("Tab"); // kind stays "event"
  await page.keyboard.press("Tab");
  await page.keyboard.type("Pager");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Latency alarm fires");
  await page.keyboard.press("Enter");
  const events = page.locator(".timeline.editable > li");
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText("14:05");
  await expect(add.getByLabel(/^Time/)).toBeFocused();

  await page.getByText("Paste several lines").click();
  await page.getByLabel("Lines to add").fill("14:40 Cache warmed, latency normal\n2:02 PM Deploy with the flag begins\nno time here");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByLabel("Paste preview");
  await expect(preview.locator("li")).toHaveCount(2);
  await expect(preview).toContainText("No time, not added: no time here");
  await page.getByRole("button", { name: "Add 2 events" }).click();
  await expect(events).toHaveCount(3);
  await expect(events.locator(".text")).toHaveText(["Deploy with the flag begins", "Latency alarm fires", "Cache warmed, latency normal"]);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveText("Saved version 2");

  const saved = await (await page.request.get("/api/incidents/checkout-latency-spike")).json();
  expect(saved.timeline.map((e: { at: string }) => e.at)).toEqual(["2026-03-02T13:02:00.000Z", "2026-03-02T13:05:00.000Z", "2026-03-02T13:40:00.000Z"]);
  expect(saved.causes.map((c: { kind: string }) => c.kind)).toEqual(["trigger", "root_cause"]);
  expect(saved.milestones.detected).toBe("2026-03-02T13:10:00.000Z");

  await page.goto("/incidents/checkout-latency-spike");
  await expect(page.getByRole("region", { name: "Root causes" })).toContainText("Cold cache");
  await expect(page.locator(".timeline li").first()).toContainText("14:02");
});

async function editorFor(browser: Browser, slug: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, undefined, `/incidents/${slug}/edit`);
  return page;
}

test("two people edit at once: the second save is refused, merged, and both edits are kept", async ({ browser, page }) => {
  await signIn(page);
  const seed = await (await page.request.get("/api/incidents/kinesis-2020-11-25/export.md")).text();
  const imported = await page.request.post("/api/incidents/import", { data: seed.replace("slug: kinesis-2020-11-25", "slug: conflict-drill"), headers: { "content-type": "text/markdown" } });
  expect(imported.status()).toBe(201);

  const alice = await editorFor(browser, "conflict-drill");
  const bob = await editorFor(browser, "conflict-drill");

  await alice.getByLabel("Title").fill("Kinesis outage (edited by Alice)");
  await alice.getByRole("button", { name: "Save", exact: true }).click();
  await expect(alice.getByRole("status").filter({ hasText: "Saved" })).toHaveText("Saved version 2");

  const add = bob.getByRole("form", { name: "Add a timeline event" });
  await add.getByLabel(/^Time/).fill("23:00");
  await add.getByLabel("What happened").fill("Bob's late follow-up event");
  await add.getByRole("button", { name: "Add event" }).click();
  await bob.getByRole("button", { name: "Save", exact: true }).click();

  const conflict = bob.getByRole("alertdialog");
  await expect(conflict).toContainText("Someone else saved version 2");
  await expect(conflict).toContainText("title");
  await conflict.getByRole("button", { name: "Save combined version" }).click();
  await expect(bob.getByRole("status").filter({ hasText: "Saved" })).toHaveText("Saved version 3");

  const final = await (await page.request.get("/api/incidents/conflict-drill")).json();
  expect(final.title).toBe("Kinesis outage (edited by Alice)");
  expect(final.timeline.some((e: { text: string }) => e.text === "Bob's late follow-up event")).toBe(true);
  expect(final.version).toBe(3);
});

test("a viewer reads but cannot edit, in the page and in the API", async ({ browser, page }) => {
  await signIn(page);
  const created = await page.request.post("/api/users", { data: { email: "viewer@example.com", role: "viewer", password: "viewer-password-1" } });
  expect(created.status()).toBe(201);
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, { email: "viewer@example.com", password: "viewer-password-1" });
  await viewer.goto("/incidents/kinesis-2020-11-25");
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  // The status-path alarm is for people who can publish; a viewer has no lever to pull.
  await expect(viewer.getByRole("heading", { name: "Your status-publishing path depends on what failed" })).toHaveCount(0);
  await viewer.goto("/incidents/kinesis-2020-11-25/edit");
  await expect(viewer.getByRole("heading", { name: "You need the editor role for this" })).toBeVisible();
  const put = await viewer.request.put("/api/incidents/kinesis-2020-11-25", { data: { version: 1 } });
  expect(put.status()).toBe(403);
});
