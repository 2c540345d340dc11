import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn, ADMIN } from "./fixtures";

/**
 * The Kinesis postmortem for customers, end to end in Chromium: generate the public draft, see the
 * disclosure findings, fix them, request review, a second person comments and approves, publish.
 * Self-contained: its own postmortem, status incident and reviewer, named uniquely per run.
 */
const run = Date.now().toString(36);
const slug = `kinesis-public-${run}`;
const staff = `oncall-${run}@corp.example.com`;
const REVIEWER = { email: `reviewer-${run}@example.com`, password: "reviewer-password-1" };

/** A copy of the seeded Kinesis postmortem under a new slug, with a staff address in its resolution. */
async function copyKinesis(api: APIRequestContext, newSlug: string): Promise<{ slug: string; version: number; postmortemStatus: string }> {
  const { version: _v, updatedAt: _u, unlistedServices: _l, ...kinesis } = await (await api.get("/api/incidents/kinesis-2020-11-25")).json();
  const created = await api.post("/api/incidents", { data: { slug: newSlug, title: `Kinesis outage, customer version test ${run}`, severity: "SEV1", status: "resolved", timeZone: kinesis.timeZone } });
  expect(created.status(), await created.text()).toBe(201);
  const resolution = (kinesis.resolution as string).replace("Kinesis was fully healthy at 22:23", `Escalation was run by ${staff}. Kinesis was fully healthy at 22:23`);
  const saved = await api.put(`/api/incidents/${newSlug}`, { data: { ...kinesis, slug: newSlug, title: `Kinesis outage, customer version test ${run}`, postmortemStatus: "draft", resolution, version: 1 } });
  expect(saved.status(), await saved.text()).toBe(200);
  return saved.json();
}

async function asUser(browser: Browser, who: { email: string; password: string }, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who, path);
  return page;
}

async function shoot(page: Page, name: string, detail?: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} is wider than ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    if (detail) await page.getByRole("region", { name: detail }).screenshot({ path: test.info().outputPath(`${name}-${detail}-${width}.png`) });
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), `${name} at ${width} px`).toEqual([]);
  }
}

test("the Kinesis customer postmortem: draft, findings fixed, reviewed by someone else, published safely", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN, "/incidents");
  const api = page.request;
  await copyKinesis(api, slug);
  expect((await api.post("/api/users", { data: { ...REVIEWER, name: "Rowan Reviewer", role: "editor" } })).ok()).toBe(true);
  const started = await api.post("/api/status/incidents", { data: { name: `Kinesis errors ${run}`, body: "Investigating.", postmortem: slug } });
  expect(started.status(), await started.text()).toBe(201);
  const statusId = (await started.json()).id as string;
  expect((await api.post(`/api/status/incidents/${statusId}/updates`, { data: { status: "resolved", body: "Fixed." } })).status()).toBe(201);

  // Generate the draft, save it, and see the findings.
  await page.goto(`/incidents/${slug}`);
  await page.getByRole("link", { name: "Customer version" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${slug}/public$`));
  await page.getByRole("button", { name: "Generate draft" }).click();
  const text = page.getByLabel("Text customers will read");
  await expect(text).toHaveValue(/## What happened/);
  await expect(text).toHaveValue(/\| Kinesis Data Streams \| Major outage \| 2020-11-25 05:15 PST \|/);
  await expect(text).not.toHaveValue(/\[events:|\[services:|in_progress|Kinesis team/);
  await page.getByRole("button", { name: "Save customer version" }).click();
  const findings = page.locator(".findings li");
  await expect(findings.filter({ hasText: "Email address" })).toContainText(staff);
  await expect(findings.filter({ hasText: "Internal service" }).first()).toContainText("Kinesis front-end fleet");
  await expect(page.getByRole("button", { name: "Publish customer version" })).toBeDisabled();
  // "Show in text" selects the finding where it is in the editor.
  await findings.filter({ hasText: "Email address" }).getByRole("button", { name: "Show in text" }).click();
  expect(await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(staff);
  await shoot(page, "customer-version-findings");

  // Publishing now is refused, naming each thing that is missing.
  const early = await api.post(`/api/incidents/${slug}/public/publish`, { data: { version: 1, statusIncident: statusId } });
  expect(early.status()).toBe(400);
  const problems = (await early.json()).problems.join("\n");
  expect(problems).toMatch(/disclosure: \d+ findings? to fix or accept/);
  expect(problems).toMatch(/review: publishing the public postmortem needs 1 approval from a reviewer who is not the author \(has 0\)/);

  // Fix the two in the text; accept anything else on purpose.
  await text.fill((await text.inputValue()).replaceAll(`Escalation was run by ${staff}. `, "").replaceAll("Kinesis front-end fleet", "servers that receive Kinesis requests"));
  await page.getByRole("button", { name: "Save customer version" }).click();
  await expect(findings.filter({ hasText: staff })).toHaveCount(0);
  await expect(findings.filter({ hasText: "Kinesis front-end fleet" })).toHaveCount(0);
  while (await page.getByRole("button", { name: "Accept" }).count()) {
    const before = await page.getByRole("button", { name: "Accept" }).count();
    await page.getByRole("button", { name: "Accept" }).first().click();
    // Accepting is by the words found: the same words elsewhere in the text are accepted with them.
    await expect.poll(() => page.getByRole("button", { name: "Accept" }).count()).toBeLessThan(before);
  }
  await expect(page.locator(".blockers")).toContainText("needs 1 approval");

  // A SEV1 resolved in 2020 and still a draft is past its review deadline, and the list says so.
  await page.goto(`/incidents?q=${slug}`);
  await expect(page.getByRole("row", { name: new RegExp(`customer version test ${run}`) })).toContainText("review overdue");

  // The author cannot review their own postmortem; a second person is asked.
  await page.goto(`/incidents/${slug}`);
  const ask = page.getByRole("form", { name: "Request review" });
  await ask.getByLabel("Reviewer").fill(ADMIN.email);
  await ask.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByRole("region", { name: "Review" }).getByRole("alert")).toContainText("you cannot review your own postmortem");
  await ask.getByLabel("Reviewer").fill(REVIEWER.email);
  await ask.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByRole("list", { name: "Reviewers" })).toContainText(`${REVIEWER.email}: asked, not decided yet`);
  await shoot(page, "incident-review", "Review");

  const reviewer = await asUser(browser, REVIEWER, `/incidents/${slug}`);
  const comment = reviewer.getByRole("form", { name: "Add a comment" });
  await comment.getByLabel("About").selectOption({ label: "Summary" });
  await comment.getByLabel("Comment").fill("Say how long customers were affected in the first sentence.");
  await comment.getByRole("button", { name: "Comment" }).click();
  const thread = reviewer.getByRole("listitem", { name: "Thread on Summary" });
  await expect(thread).toContainText("Say how long customers were affected");
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(reviewer.getByRole("listitem", { name: "Thread on Summary" })).toContainText(`resolved by ${REVIEWER.email}`);
  await shoot(reviewer, "reviewer", "Review");
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByRole("list", { name: "Reviewers" })).toContainText(`${REVIEWER.email}: approved`);
  await reviewer.context().close();

  // Preview is the exact public page; publishing asks to confirm.
  await page.goto(`/incidents/${slug}/public`);
  const preview = await (await api.get(`/incidents/${slug}/public/preview`)).text();
  await expect(page.locator(".blockers")).toHaveCount(0);
  await page.getByLabel("Status incident").selectOption(statusId);
  await page.getByRole("button", { name: "Publish customer version" }).click();
  await page.getByRole("button", { name: "Yes, publish" }).click();
  await expect(page.getByText(/published by admin@localhost/)).toBeVisible();

  const publicPage = await (await api.get(`/status/postmortems/${slug}.html`)).text();
  expect(publicPage.replace(/<base[^>]*>/, "")).toBe(preview.replace(/<base[^>]*>/, ""));
  expect(publicPage).not.toContain(staff);
  expect(publicPage).not.toMatch(/@localhost|@corp\.example\.com|\[events:|\[services:|kinesis-front-end|Kinesis front-end fleet/);
  const incidents = (await (await api.get("/api/v2/incidents.json")).json()).incidents as { id: string; status: string; postmortem_body: string | null }[];
  const published = incidents.find((i) => i.id === statusId)!;
  expect(published.status).toBe("postmortem");
  expect(published.postmortem_body).toContain("## What happened");
  expect(published.postmortem_body).not.toContain(staff);
  expect(await (await api.get("/feed.atom")).text()).toContain(`Kinesis errors ${run}: postmortem`);

  await page.goto(`/status/postmortems/${slug}.html`);
  await shoot(page, "public-postmortem");
  const tableBox = await page.locator(".scroll").first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
  expect(tableBox.overflow).toMatch(/auto|scroll/);
});

test("publishing the internal postmortem as final needs an approval that is not the author's", async ({ page }) => {
  await signIn(page, ADMIN, "/incidents");
  let pm = await copyKinesis(page.request, `final-gate-${run}`);
  const review = await page.request.post(`/api/incidents/${pm.slug}/review`, { data: { to: "in_review", version: pm.version } });
  pm = await review.json();
  const final = await page.request.post(`/api/incidents/${pm.slug}/review`, { data: { to: "published", version: pm.version } });
  expect(final.status()).toBe(400);
  expect((await final.json()).problems[0]).toMatch(/review: publishing the postmortem as final needs 1 approval from a reviewer who is not the author/);
});

test("imports are drafts; only an admin may keep a batch's review status", async ({ page, browser }) => {
  await signIn(page, ADMIN, "/incidents");
  const doc = (s: string) => `---\nslug: ${s}\npostmortem_status: published\n---\n# Import status ${s}\n\n## Summary\n\nShort.\n`;
  const asDraft = await page.request.post(`/api/incidents/import?name=draft-${run}.md`, { data: doc(`imported-draft-${run}`), headers: { "content-type": "text/markdown" } });
  expect(asDraft.status(), await asDraft.text()).toBe(201);
  expect((await asDraft.json()).incident.postmortemStatus).toBe("draft");
  const kept = await page.request.post(`/api/incidents/import?name=kept-${run}.md&keep_status=1`, { data: doc(`imported-kept-${run}`), headers: { "content-type": "text/markdown" } });
  expect(kept.status(), await kept.text()).toBe(201);
  expect((await kept.json()).incident.postmortemStatus).toBe("published");
  const editor = { email: `import-editor-${run}@example.com`, password: "import-editor-password-1" };
  expect((await page.request.post("/api/users", { data: { ...editor, role: "editor" } })).ok()).toBe(true);
  const other = await asUser(browser, editor, "/incidents");
  const refused = await other.request.post(`/api/incidents/import?name=e-${run}.md&keep_status=1`, { data: doc(`imported-e-${run}`), headers: { "content-type": "text/markdown" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).problems[0]).toMatch(/keep_status: only an admin/);
  await other.context().close();
});
