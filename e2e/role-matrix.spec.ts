import { expect, test, type APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { signIn } from "./fixtures";

/**
 * Every route and page, with the least role that may use it ("public" needs no sign-in, "viewer"
 * any signed-in person). The test finds routes on disk, so a new route fails here until it is
 * listed, and then every role is tried against it.
 */
const NEEDS: Record<string, "public" | "viewer" | "editor" | "responder" | "admin"> = {
  "GET /": "public", "GET /signin": "public", "GET /subscribe": "public", "GET /subscribe/[token]": "public",
  "GET /status/[[...path]]": "public", "GET /api/v2/[...path]": "public", "GET /feed.atom": "public", "GET /feed.rss": "public",
  "GET /feeds/[file]": "public", "GET /services/pick": "public", "GET /api/auth/[...nextauth]": "public", "POST /api/auth/[...nextauth]": "public",
  "POST /api/subscribe": "public", "POST /api/subscribe/[token]": "public", "DELETE /api/subscribe/[token]": "public",
  "GET /incidents": "viewer", "GET /incidents/[slug]": "viewer", "GET /services": "viewer", "GET /services/[slug]": "viewer", "GET /account": "viewer",
  "GET /incidents/[slug]/history": "viewer", "GET /incidents/[slug]/edit": "editor", "GET /incidents/import": "editor", "GET /incidents/new": "editor",
  "GET /publish": "responder", "GET /training": "responder", "GET /settings": "admin", "GET /action-items": "viewer",
  "GET /insights": "viewer", "GET /api/insights": "viewer", "GET /api/cause-tags": "viewer", "PUT /api/cause-tags": "admin",
  "GET /api/status/page": "admin", "PUT /api/status/page": "admin",
  "POST /api/account/password": "viewer",
  "GET /api/incidents": "viewer", "POST /api/incidents": "editor", "GET /api/incidents/[slug]": "viewer", "PUT /api/incidents/[slug]": "editor",
  "GET /api/incidents/[slug]/cascade": "viewer", "GET /api/incidents/[slug]/export.md": "viewer", "POST /api/incidents/[slug]/restore": "editor",
  "POST /api/incidents/[slug]/review": "editor", "GET /api/incidents/[slug]/revisions/[version]": "viewer", "POST /api/incidents/import": "editor",
  "GET /api/services": "viewer", "PUT /api/services": "editor", "GET /api/services/[slug]/blast-radius": "viewer",
  "PUT /api/status/banner": "responder", "POST /api/status/incidents": "responder", "POST /api/status/incidents/[id]/postmortem": "responder",
  "POST /api/status/incidents/[id]/updates": "responder", "POST /api/status/maintenances": "responder", "POST /api/status/maintenances/[id]/updates": "responder",
  "POST /api/status/preview": "responder",
  "GET /incidents/[slug]/public": "viewer", "GET /incidents/[slug]/public/preview": "viewer",
  "GET /api/incidents/[slug]/public": "viewer", "PUT /api/incidents/[slug]/public": "editor", "POST /api/incidents/[slug]/public/draft": "editor",
  "POST /api/incidents/[slug]/public/accept": "editor", "POST /api/incidents/[slug]/public/publish": "responder",
  "POST /api/incidents/[slug]/reviewers": "editor", "POST /api/incidents/[slug]/decision": "viewer", "POST /api/incidents/[slug]/comments": "viewer",
  "PATCH /api/incidents/[slug]/comments/[id]": "viewer", "GET /api/settings/review": "admin", "PUT /api/settings/review": "admin",
  "GET /api/tokens": "admin", "POST /api/tokens": "admin", "DELETE /api/tokens/[id]": "admin",
  "GET /api/users": "admin", "POST /api/users": "admin", "PATCH /api/users/[id]": "admin", "DELETE /api/users/[id]": "admin",
};
const ROLES = ["viewer", "editor", "responder", "admin"] as const;
const SAMPLE: Record<string, string> = {
  "[slug]": "kinesis-2020-11-25", "[version]": "1", "[id]": "999999", "[token]": "no-such-token", "[file]": "no-such-token.atom",
  "[...path]": "summary.json", "[[...path]]": "", "[...nextauth]": "session",
};
/** Bodies that pass the role check and then fail validation, so no cell changes anything. */
const BODY: Record<string, { data: string; type: string }> = {
  "PUT /api/status/banner": { data: '{"level":"not-a-level"}', type: "application/json" },
  "PUT /api/status/page": { data: '{"accent":"not-a-colour"}', type: "application/json" },
  "PUT /api/cause-tags": { data: '{"tags":[]}', type: "application/json" },
  "POST /api/incidents/import": { data: "", type: "text/markdown" },
  "POST /api/auth/[...nextauth]": { data: "", type: "application/x-www-form-urlencoded" },
};

function routesOnDisk(dir = "app", prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return routesOnDisk(join(dir, e.name), /^\(.*\)$/.test(e.name) || e.name.startsWith("_") ? prefix : `${prefix}/${e.name}`);
    const source = () => readFileSync(join(dir, e.name), "utf8");
    if (e.name === "page.tsx") return [`GET ${prefix || "/"}`];
    if (e.name !== "route.ts") return [];
    const methods = new Set([...source().matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]));
    return [...methods].map((m) => `${m} ${prefix || "/"}`);
  });
}

const urlOf = (pattern: string) => pattern.split("/").map((s) => SAMPLE[s] ?? s).join("/").replace(/\/$/, "/") || "/";

test("every route and page answers each role as its table says: 401 or sign-in below it, never a refusal at or above it", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const routes = routesOnDisk().sort();
  expect(routes.filter((r) => !(r in NEEDS)), "routes missing from the role table").toEqual([]);

  const adminPage = await browser.newPage();
  await signIn(adminPage);
  const who: Record<string, APIRequestContext> = { anonymous: await playwright.request.newContext({ baseURL }) };
  for (const role of ROLES) {
    if (role !== "admin") await adminPage.request.post("/api/users", { data: { email: `matrix-${role}@example.com`, role, password: "matrix-password-1" } });
    const ctx = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    const email = role === "admin" ? "admin@localhost" : `matrix-${role}@example.com`;
    const password = role === "admin" ? "e2e-admin-password" : "matrix-password-1";
    await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
    expect((await ctx.get("/api/auth/session")).ok()).toBe(true);
    who[role] = ctx;
  }
  await adminPage.close();

  const wrong: string[] = [];
  let cells = 0;
  for (const route of routes) {
    const [method, pattern] = route.split(" ");
    const url = urlOf(pattern);
    const needs = NEEDS[route];
    const isPage = !pattern.startsWith("/api/") && method === "GET" && !/\/(status|feeds?|feed\.(atom|rss))/.test(pattern) && pattern !== "/services/pick";
    for (const [name, ctx] of Object.entries(who)) {
      const level = name === "anonymous" ? -1 : ROLES.indexOf(name as (typeof ROLES)[number]);
      const allowed = needs === "public" || level >= ROLES.indexOf(needs);
      const body = BODY[route] ?? { data: "{}", type: "application/json" };
      const res = await ctx.fetch(url, { method, maxRedirects: 0, ...(method === "GET" ? {} : { data: body.data, headers: { "content-type": body.type } }) });
      const status = res.status();
      const location = res.headers().location ?? "";
      const text = isPage && status === 200 ? await res.text() : "";
      const refused = status === 401 || status === 403 || location.includes("/signin") || text.includes("You need the ");
      cells++;
      if (allowed && refused) wrong.push(`${route} as ${name}: refused (${status})`);
      if (!allowed && !refused) wrong.push(`${route} as ${name}: allowed (${status})`);
      if (!allowed && name === "anonymous" && !isPage && status !== 401) wrong.push(`${route} as anonymous: ${status}, not 401`);
      if (!allowed && name !== "anonymous" && !isPage && status !== 403) wrong.push(`${route} as ${name}: ${status}, not 403`);
      if (status >= 500) wrong.push(`${route} as ${name}: ${status}`);
    }
  }
  console.log(`${routes.length} routes × ${Object.keys(who).length} callers = ${cells} cells`);
  expect(wrong).toEqual([]);
  for (const ctx of Object.values(who)) await ctx.dispose();
});
