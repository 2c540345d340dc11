import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// The Cloudflare WAF outage of 2019-07-02, written from its public account, with a service ("waf") the catalog lacks.
const LINES = [
  "13:42 An engineer deploys a change to the WAF managed rules for XSS detection [services: waf]",
  "13:42 CPU on every HTTP-serving core climbs to 100%; impact begins worldwide with 502 errors",
  "13:45 First alerts detected for WAF synthetic test failures",
  "13:46 sre-oncall: escalated to the WAF team",
  "13:52 Status page updated; customers informed of 502 errors",
  "14:00 WAF rules identified as the cause of the CPU exhaustion",
  "14:02 Decision to use the global kill switch for the WAF managed rules",
  "14:07 Global WAF kill executed; CPU load mitigated",
  "14:09 Traffic and CPU back to normal worldwide",
  "14:52 WAF re-enabled globally after the rule is fixed and verified",
];
const MILESTONES: [string, string][] = [
  ["Trigger", "13:42"], ["Impact start", "1342"], ["Root cause identified", "2:00 pm"], ["Impact end", "14:09"], ["Resolved", "14:52"],
];
const ACTIONS = ["Stage WAF rule changes before a global rollout", "Restore the regex CPU limit in the WAF",
  "Alarm on WAF CPU per rule", "Practise the WAF global kill in drills"];

const actionItems = (page: Page) => page.locator('section.list-section[aria-label="Action items"]');

async function newPostmortem(page: Page, title: string) {
  await signIn(page);
  await page.getByRole("link", { name: "New postmortem" }).click();
  await expect(page).toHaveURL(/\/incidents\/new$/); // the list's search box also mentions titles
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Severity").selectOption("SEV1");
  await page.getByLabel("Time zone").fill("UTC");
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page).toHaveURL(/\/edit$/, { timeout: 30_000 }); // creating and opening the editor is slow on a loaded machine
}

test("the WAF postmortem is written with a service the catalog lacks, saved and added to the catalog without leaving the editor", async ({ page }) => {
  await newPostmortem(page, "Cloudflare WAF outage 2019-07-02");
  const editUrl = page.url();
  await page.getByRole("textbox", { name: "Summary", exact: true }).fill("A WAF rule with a backtracking regular expression exhausted CPU worldwide; 502s for 27 minutes.");

  // The incident's date once; every time after that is typed alone, on a 24-hour clock.
  const milestones = page.getByRole("region", { name: /Milestones/ });
  await milestones.getByLabel("Incident date").fill("2019-07-02");
  for (const [label, time] of MILESTONES) await milestones.getByLabel(label, { exact: true }).fill(time);
  await expect(milestones.getByLabel("Impact start", { exact: true })).toHaveValue("1342");

  // Pasted lines: the date follows the milestones; actor, kind and services are read from the words.
  await page.getByText("Paste several lines").click();
  await page.getByLabel("Lines to add").fill(LINES.join("\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Add 10 events" }).click();
  const saved0 = page.locator(".timeline.editable > li");
  await expect(saved0).toHaveCount(10);
  // Milestones still empty are suggested from the timeline, one click each.
  await milestones.getByRole("button", { name: "Use 13:45: First alerts detected for WAF synth" }).click();
  await expect(milestones.getByLabel("Detected", { exact: true })).toHaveValue("13:45");
  await milestones.getByRole("button", { name: /^Use 14:07: Global WAF kill executed/ }).click();
  await expect(page.locator('[data-metric="detect"]')).toContainText("3m");

  await page.getByRole("button", { name: "Add trigger" }).click();
  const trigger = page.locator('section.list-section[aria-label="Trigger"]');
  await trigger.getByLabel("Description").fill("A WAF managed rule with a regular expression that backtracks catastrophically was deployed globally at once.");
  await trigger.getByLabel("Services").fill("waf");
  await expect(trigger).toContainText("Not in the catalog yet (kept in this draft): waf");
  await page.getByRole("button", { name: "Add root cause" }).click();
  await page.locator('section.list-section[aria-label="Root causes"]').getByLabel("Description")
    .fill("The regex engine has no bound on backtracking, and the CPU guard for WAF rules had been removed weeks earlier.");

  // Causes are linked to events from the event's own row.
  const deploy = page.locator(".timeline.editable > li").first();
  await deploy.getByText("Explains no causes").click();
  await deploy.getByRole("group", { name: "Link the event at 13:42 to causes" }).getByRole("checkbox", { name: /^Trigger 1: A WAF managed rule/ }).check();
  await expect(deploy.locator("summary")).toHaveText("Explains 1 cause");

  // A new impact window starts at the impact milestones; the service is typed, not picked from the catalog.
  await page.getByRole("button", { name: "Add impact window" }).click();
  const windows = page.locator('section.list-section[aria-label="Impact windows"]');
  await expect(windows.getByLabel("Start", { exact: true })).toHaveValue("13:42");
  await expect(windows.getByLabel("End", { exact: true })).toHaveValue("14:09");
  await expect(windows.getByLabel("End: day")).toHaveValue("2019-07-02");
  await windows.getByLabel("Service").fill("waf");
  await windows.getByLabel("Origin").check();

  for (const title of ACTIONS) {
    await page.getByRole("button", { name: "Add action item" }).click();
    await actionItems(page).locator(".list-item").last().getByLabel("Action", { exact: true }).fill(title);
  }
  await page.getByRole("button", { name: "Add action item" }).click();
  await actionItems(page).locator(".list-item").last().getByLabel("Owner").fill("edge-team");
  await page.getByRole("button", { name: "Add action item" }).click(); // left blank: dropped, not an error

  // A bad save says so in the bar and lands on the field, in words.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const bar = page.getByRole("region", { name: "Save" });
  await expect(bar.getByRole("alert")).toHaveText("Not saved: Action item 5 needs a title");
  const fifth = actionItems(page).locator(".list-item").nth(4).getByLabel("Action", { exact: true });
  await expect(fifth).toBeFocused();
  await expect(fifth).toHaveAttribute("aria-invalid", "true");
  await expect(actionItems(page).locator(".list-item").nth(4)).toContainText("Action item 5 needs a title");
  await expect(fifth).toBeInViewport();

  await fifth.fill("Write a runbook for disabling one WAF rule");
  await page.keyboard.press("Control+s");
  await expect(bar.getByRole("status")).toHaveText("Saved version 2");
  await expect(page.getByRole("note")).toContainText('"waf" is not in the service catalog yet');

  const api = await (await page.request.get("/api/incidents/cloudflare-waf-outage-2019-07-02")).json();
  expect(api.actionItems).toHaveLength(5);
  expect(api.impactWindows).toEqual([{ service: "waf", condition: "major", start: "2019-07-02T13:42:00.000Z", end: "2019-07-02T14:09:00.000Z", origin: true }]);
  expect(api.unlistedServices.map((u: { slug: string }) => u.slug)).toEqual(["waf"]);
  expect(api.milestones).toEqual({ trigger: "2019-07-02T13:42:00.000Z", impact_start: "2019-07-02T13:42:00.000Z", detected: "2019-07-02T13:45:00.000Z",
    identified: "2019-07-02T14:00:00.000Z", mitigated: "2019-07-02T14:07:00.000Z", impact_end: "2019-07-02T14:09:00.000Z", resolved: "2019-07-02T14:52:00.000Z" });
  const byTime = (t: string) => api.timeline.find((e: { at: string }) => e.at === `2019-07-02T${t}:00.000Z`);
  expect(byTime("13:46")).toMatchObject({ actor: "sre-oncall", kind: "action", text: "escalated to the WAF team" });
  expect(byTime("13:45").kind).toBe("detection");
  expect(api.causes[0].events).toEqual(["2019-07-02T13:42:00.000Z"]);
  expect(byTime("13:52").kind).toBe("communication");
  expect(api.timeline.filter((e: { services: string[] }) => e.services.includes("waf")).length).toBeGreaterThan(3);

  // Added to the catalog from where it was typed; the page never changes.
  await trigger.getByRole("button", { name: "Add “waf” to the catalog…" }).click();
  const form = trigger.getByRole("group", { name: "Add waf to the catalog" });
  await form.getByLabel("Name").fill("Web Application Firewall");
  await form.getByLabel("Group").fill("Edge");
  await form.getByRole("button", { name: "Add to catalog" }).click();
  await expect(trigger).not.toContainText("Not in the catalog yet");
  await expect(windows).not.toContainText("Not in the catalog yet");
  expect(page.url()).toBe(editUrl);
  const catalog = await (await page.request.get("/api/services")).json();
  expect(catalog.services.find((s: { slug: string }) => s.slug === "waf")).toMatchObject({ name: "Web Application Firewall", group: "Edge" });

  await page.goto("/incidents/cloudflare-waf-outage-2019-07-02");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cloudflare WAF outage");
});

test("leaving the editor with unsaved changes asks first, from the top navigation too", async ({ page }) => {
  await newPostmortem(page, "Leave guard check");
  const editUrl = page.url();
  await page.getByRole("textbox", { name: "Summary", exact: true }).fill("Not saved yet");
  const asked: string[] = [];
  page.once("dialog", (d) => { asked.push(d.message()); void d.dismiss(); });
  await page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: "Services" }).click();
  await expect.poll(() => asked).toEqual(["You have unsaved changes. Leave this page without saving them?"]);
  expect(page.url()).toBe(editUrl);
  await expect(page.getByRole("textbox", { name: "Summary", exact: true })).toHaveValue("Not saved yet");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("navigation", { name: "Workbench" }).getByRole("link", { name: "Services" }).click();
  await expect(page).toHaveURL(/\/services$/);
});
