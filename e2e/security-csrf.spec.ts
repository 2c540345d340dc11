import { expect, test } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signIn } from "./fixtures";

/** A page on another port of the same host: same site, other origin. It auto-submits the form it is given. */
async function attackerPage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => { res.setHeader("content-type", "text/html"); res.end(html); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test("a cross-origin text/plain form post from another port is refused, and nothing is published", async ({ page, baseURL }) => {
  await signIn(page);
  const before = await (await page.request.get("/api/v2/incidents.json")).json();
  const evil = await attackerPage(`<!doctype html><form id=f method=post enctype="text/plain" action="${baseURL}/api/status/incidents">
    <input name='{"name":"Forged incident","body":"forged","components":{},"x":"' value='"}'></form><script>document.getElementById("f").submit()</script>`);
  const evilUser = await attackerPage(`<!doctype html><form id=f method=post enctype="text/plain" action="${baseURL}/api/users">
    <input name='{"email":"mallory@example.com","role":"admin","password":"mallory-pass-1","x":"' value='"}'></form><script>document.getElementById("f").submit()</script>`);
  // Signing the victim in as the attacker (login CSRF) goes through next-auth's own POST route.
  const evilLogin = await attackerPage(`<!doctype html><form id=f method=post action="${baseURL}/api/auth/callback/credentials">
    <input name=email value="mallory@example.com"><input name=password value="mallory-pass-1"><input name=csrfToken value="x"></form><script>document.getElementById("f").submit()</script>`);
  try {
    for (const target of [evil, evilUser, evilLogin]) {
      const answer = page.waitForResponse((r) => r.url().startsWith(baseURL!) && r.request().method() === "POST");
      await page.goto(target.url);
      const res = await answer;
      expect(res.status()).toBe(403);
      expect((await res.json()).problems[0]).toMatch(/^origin: writes are accepted only from this site's own pages/);
    }
    const after = await (await page.request.get("/api/v2/incidents.json")).json();
    expect(after.incidents.length).toBe(before.incidents.length);
    const users = await (await page.request.get("/api/users")).json();
    expect(JSON.stringify(users)).not.toContain("mallory@example.com");
  } finally {
    evil.server.close();
    evilUser.server.close();
    evilLogin.server.close();
  }
});

test("a same-origin write in the wrong body type gets 415 naming the type it wants", async ({ page }) => {
  await signIn(page);
  const res = await page.request.post("/api/status/incidents", { data: '{"name":"x","body":"y","components":{}}', headers: { "content-type": "text/plain" } });
  expect(res.status()).toBe(415);
  expect((await res.json()).problems[0]).toBe("content-type: this call accepts application/json, not text/plain");
});

test("security headers: nonce CSP on workbench pages and no-store on signed-in answers; the status site allows no script", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await signIn(page);
  const res = await page.goto("/incidents/kinesis-2020-11-25");
  const csp = res!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(res!.headers()["permissions-policy"]).toContain("camera=()");
  expect(res!.headers()["cache-control"]).toContain("no-store");
  await page.goto("/services/kinesis");
  await page.goto("/incidents/kinesis-2020-11-25/edit");
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeEnabled();
  expect(violations).toEqual([]);
  const api = await page.request.get("/api/incidents");
  expect(api.headers()["cache-control"]).toContain("no-store");
  const site = await request.get("/status/");
  expect(site.headers()["content-security-policy"]).toMatch(/default-src 'none'/);
  expect(site.headers()["content-security-policy"]).not.toMatch(/script-src/);
  expect(site.headers()["strict-transport-security"]).toBeUndefined();
});
