import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@localhost", password: "e2e-admin-password" };

export async function signIn(page: Page, who = ADMIN, returnTo = "/incidents") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[/]/g, "\\/")}$`));
}
