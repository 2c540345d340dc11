import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signIn } from "./fixtures";

/** One sign-in attempt through next-auth's own endpoint, as a script would send it: true if it got a session. */
async function tryPassword(api: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}, csrf?: string): Promise<{ ok: boolean; url: string }> {
  const csrfToken = csrf ?? (await (await api.get("/api/auth/csrf")).json()).csrfToken;
  const res = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true", callbackUrl: "/incidents" }, headers, maxRedirects: 0 });
  const url = res.headers()["content-type"]?.includes("json") ? (await res.json()).url ?? "" : res.headers().location ?? "";
  return { ok: (res.headers()["set-cookie"] ?? "").includes("next-auth.session-token="), url };
}

async function newPerson(browser: Browser, email: string, role = "editor") {
  const admin = await browser.newPage();
  await signIn(admin);
  const created = await admin.request.post("/api/users", { data: { email, role, password: "first-password-1" } });
  expect(created.status()).toBe(201);
  return { admin, id: (await created.json()).user.id as number };
}

test("a signed-out cookie is refused: sign-out ends the session on the server", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  const cookies = await context.cookies();
  expect((await page.request.get("/api/incidents")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  expect((await thief.request.get("/api/incidents")).status()).toBe(401);
  const res = await (await thief.newPage()).goto("/settings");
  expect(res!.url()).toContain("/signin");
  await context.close();
  await thief.close();
});

test("admins disable, reset and remove people; each ends their sessions at once", async ({ browser }) => {
  const { admin, id } = await newPerson(browser, "revoke-me@example.com");
  const context = await browser.newContext();
  const person = await context.newPage();
  await signIn(person, { email: "revoke-me@example.com", password: "first-password-1" });
  expect((await person.request.get("/api/incidents")).status()).toBe(200);

  await admin.goto("/settings");
  await admin.getByRole("button", { name: "Disable revoke-me@example.com" }).click();
  await expect(admin.getByRole("status")).toContainText("revoke-me@example.com is disabled");
  expect((await person.request.get("/api/incidents")).status()).toBe(401);
  expect((await tryPassword(context.request, "revoke-me@example.com", "first-password-1")).ok).toBe(false);
  await admin.getByRole("button", { name: "Enable revoke-me@example.com" }).click();
  await signIn(person, { email: "revoke-me@example.com", password: "first-password-1" });

  await admin.getByRole("button", { name: "Reset the password of revoke-me@example.com" }).click();
  const shown = await admin.getByRole("status").textContent();
  const fresh = shown!.split(": ").pop()!.trim();
  expect(fresh.length).toBeGreaterThanOrEqual(12);
  expect((await person.request.get("/api/incidents")).status()).toBe(401);
  await signIn(person, { email: "revoke-me@example.com", password: fresh });

  const short = await admin.request.patch(`/api/users/${id}`, { data: { password: "a" } });
  expect(short.status()).toBe(400);
  expect((await short.json()).problems[0]).toBe("password: must be at least 12 characters");

  admin.once("dialog", (d) => d.accept());
  await admin.getByRole("button", { name: "Remove revoke-me@example.com" }).click();
  await expect(admin.getByRole("status")).toContainText("Removed revoke-me@example.com");
  expect((await person.request.get("/api/incidents")).status()).toBe(401);
  const self = (await (await admin.request.get("/api/users")).json()).users.find((u: { email: string }) => u.email === "admin@localhost");
  const last = await admin.request.delete(`/api/users/${self.id}`);
  expect(last.status()).toBe(409);
  await context.close();
  await admin.close();
});

test("people change their own password from the account page and sign in again", async ({ browser }) => {
  const { admin } = await newPerson(browser, "own-change@example.com", "viewer");
  await admin.close();
  const page = await browser.newPage();
  await signIn(page, { email: "own-change@example.com", password: "first-password-1" });
  await page.getByRole("link", { name: /own-change@example.com/ }).click();
  await page.getByLabel("Current password").fill("wrong-password-here");
  await page.getByLabel("New password", { exact: true }).fill("second-password-2");
  await page.getByLabel("New password again").fill("second-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("current: that is not your current password");
  await page.getByLabel("Current password").fill("first-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?changed=1/);
  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await signIn(page, { email: "own-change@example.com", password: "second-password-2" });
  await page.close();
});

test("100 parallel wrong guesses, then the right password: still throttled; another person signs in at once", async ({ browser, playwright, baseURL }) => {
  const { admin } = await newPerson(browser, "guess-target@example.com");
  await admin.close();
  const guesser = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await guesser.get("/api/auth/csrf")).json();
  const started = Date.now();
  const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) =>
    tryPassword(guesser, "guess-target@example.com", `wrong-guess-${i}`, { "x-forwarded-for": `198.51.100.${i}` }, csrfToken)));
  console.log(`100 parallel guesses answered in ${Date.now() - started} ms`);
  expect(guesses.every((g) => !g.ok)).toBe(true);
  expect(guesses.filter((g) => /Too%20many|Too\+many/.test(g.url)).length).toBeGreaterThanOrEqual(90);
  const right = await tryPassword(guesser, "guess-target@example.com", "first-password-1", { "x-forwarded-for": "203.0.113.77" });
  expect(right.ok).toBe(false);
  expect(decodeURIComponent(right.url.replace(/\+/g, " "))).toContain("Too many sign-in attempts");

  // The guesser's failures say nothing about anyone else, whatever address they claim.
  const other = await playwright.request.newContext({ baseURL });
  const t = Date.now();
  expect((await tryPassword(other, "admin@localhost", "e2e-admin-password")).ok).toBe(true);
  expect(Date.now() - t).toBeLessThan(5000);
  await guesser.dispose();
  await other.dispose();
});
