import { expect, test, type APIResponse } from "@playwright/test";
import { signIn } from "./fixtures";

let token = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  const res = await page.request.post("/api/tokens", { data: { name: "e2e script", role: "editor" } });
  expect(res.status()).toBe(201);
  token = (await res.json()).token;
  await page.close();
});

const auth = () => ({ authorization: `Bearer ${token}` });
const problems = async (res: APIResponse) => (await res.json()).problems as string[];

test("a script with an API token creates, reads and updates; a stale update gets 409 with the current version", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: auth() });
  const create = await api.post("/api/incidents", {
    data: { slug: "api-made", title: "Made by a script", severity: "SEV3", status: "resolved", timeZone: "UTC",
      timeline: [{ at: "2026-01-05T10:00:00.000Z", text: "started" }] },
  });
  expect(create.status()).toBe(201);
  const v1 = await create.json();
  const ok = await api.put("/api/incidents/api-made", { data: { ...v1, summary: "first", version: 1 } });
  expect((await ok.json()).version).toBe(2);
  const stale = await api.put("/api/incidents/api-made", { data: { ...v1, summary: "second", version: 1 } });
  expect(stale.status()).toBe(409);
  const body = await stale.json();
  expect(body.current.summary).toBe("first");
  expect(body.problems[0]).toMatch(/^version:/);
  const md = await api.get("/api/incidents/api-made/export.md");
  expect(md.headers()["content-type"]).toContain("text/markdown");
  expect(await md.text()).toContain("# Made by a script");
  const revoked = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { authorization: "Bearer sitrep_not-a-token" } });
  expect((await revoked.get("/api/incidents")).status()).toBe(401);
});

test("bad input gets a 4xx naming the field, and nothing is half-saved", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: auth() });
  const current = await (await api.get("/api/incidents/api-made")).json();
  const put = (data: unknown) => api.put("/api/incidents/api-made", { data });

  const backwards = await put({ ...current, impactWindows: [{ service: "lambda", condition: "major", start: "2026-01-05T10:00:00.000Z", end: "2026-01-05T09:00:00.000Z" }] });
  expect(backwards.status()).toBe(400);
  expect(await problems(backwards)).toContain("impactWindows.0.end: end must not be before start");

  // A service the catalog does not list yet never blocks a draft: it is kept, and flagged in the answer.
  const unknown = await put({ ...current, timeline: [{ at: "2026-01-05T10:00:00.000Z", text: "x", services: ["no-such-service"] }] });
  expect(unknown.status()).toBe(200);
  const flagged = await unknown.json();
  expect(flagged.timeline[0].services).toEqual(["no-such-service"]);
  expect(flagged.unlistedServices).toEqual([{ slug: "no-such-service", usedBy: ["Timeline event 1"], message: '"no-such-service" is not in the service catalog yet (named by Timeline event 1)' }]);
  Object.assign(current, { version: flagged.version, timeline: flagged.timeline });

  const badTime = await put({ ...current, milestones: { detected: "2026-02-30T10:00:00Z" } });
  expect(badTime.status()).toBe(400);
  expect((await problems(badTime))[0]).toMatch(/^milestones\.detected:/);

  const huge = await api.post("/api/incidents/import", { data: "# Big\n\n## Summary\n\n" + "x".repeat(1_100_000), headers: { "content-type": "text/markdown" } });
  expect(huge.status()).toBe(413);
  expect((await problems(huge))[0]).toBe("body: larger than 1 MB");

  const headingsOnly = await api.post("/api/incidents/import", { data: "# Empty\n\n## Summary\n\n## Timeline\n", headers: { "content-type": "text/markdown" } });
  expect(headingsOnly.status()).toBe(400);
  expect((await problems(headingsOnly))[0]).toMatch(/^document:/);

  const badYaml = await api.post("/api/incidents/import", { data: "---\nseverity: [SEV1\n---\n# T\n\n## Summary\n\nx\n", headers: { "content-type": "text/markdown" } });
  // A field that cannot be read never refuses a document: it is reported, and kept as written.
  expect(badYaml.status()).toBe(201);
  expect((await badYaml.json()).notes[0]).toMatch(/^front matter: not valid YAML/);

  const notJson = await api.put("/api/incidents/api-made", { data: Buffer.from("{nope"), headers: { "content-type": "application/json" } });
  expect((await problems(notJson))[0]).toMatch(/^body: not valid JSON \(.+\)$/);

  const after = await (await api.get("/api/incidents/api-made")).json();
  expect(after.version).toBe(current.version);
  expect(after.timeline).toEqual(current.timeline);
});
