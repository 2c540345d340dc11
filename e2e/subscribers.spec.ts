import { expect, test } from "@playwright/test";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { signIn } from "./fixtures";

test("a customer subscribes a webhook to one component, receives only its updates, signed, and a private feed of them", async ({ page }) => {
  const received: { body: string; signature: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => { received.push({ body, signature: String(req.headers["x-sitrep-signature"]) }); res.end(); });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await page.goto("/subscribe");
    await page.getByLabel("webhook").check();
    await page.getByLabel("Webhook URL").fill(hook);
    await page.getByLabel("Lambda").check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    const done = page.getByRole("status");
    await expect(done).toContainText("Subscribed");
    const secret = (await done.locator("code").first().textContent())!;
    const feedUrl = (await done.getByRole("link").nth(1).textContent())!;
    const again = await page.request.post("/api/subscribe", { data: { kind: "webhook", target: hook, components: [] } });
    expect(again.status()).toBe(409);
    expect(await again.text()).not.toContain(secret);

    await signIn(page);
    const other = await page.request.post("/api/status/incidents", { data: { name: "DynamoDB latency", body: "Looking.", components: { dynamodb: "degraded_performance" } } });
    expect(other.status()).toBe(201);
    const mine = await page.request.post("/api/status/incidents", { data: { name: "Lambda invocation errors", body: "Errors are up.", components: { lambda: "partial_outage" } } });
    expect(mine.status()).toBe(201);

    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    for (const r of received) expect(r.signature).toBe(`sha256=${createHmac("sha256", secret).update(r.body).digest("hex")}`);
    const payloads = received.map((r) => JSON.parse(r.body));
    expect(payloads.filter((p) => p.incident).map((p) => p.incident.name)).toEqual(["Lambda invocation errors"]);
    expect(payloads.find((p) => p.component_update).component_update).toMatchObject({ component_id: "lambda", new_status: "partial_outage" });

    const feed = await (await page.request.get(feedUrl)).text();
    expect(feed).toContain("Lambda invocation errors");
    expect(feed).not.toContain("DynamoDB latency");

    await page.goto("/settings");
    await expect(page.getByRole("region", { name: "Subscribers and deliveries" })).toContainText("delivered");

    const bad = await page.request.post("/api/subscribe", { data: { kind: "webhook", target: "ftp://example.com/x", components: [] } });
    expect((await bad.json()).problems[0]).toBe("target: must be an http or https URL");
    const badComponent = await page.request.post("/api/subscribe", { data: { kind: "email", target: "a@example.com", components: ["nope"] } });
    expect((await badComponent.json()).problems[0]).toBe('components: no component "nope"');
  } finally {
    await new Promise((r) => receiver.close(r));
  }
});

test("an email subscriber gets nothing until they confirm from their inbox, then only their component's updates", async ({ page }) => {
  const mails: string[] = [];
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], onData(stream, _session, done) {
    let data = "";
    stream.on("data", (c) => (data += c)).on("end", () => { mails.push(data.replace(/=\r?\n/g, "")); done(); });
  } });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", (err: Error) => reject(new Error(`cannot listen for mail on port ${process.env.SITREP_E2E_SMTP_PORT}: ${err.message}`)));
    smtp.listen(Number(process.env.SITREP_E2E_SMTP_PORT), "127.0.0.1", resolve);
  });
  const subject = (m: string) => /^Subject: (.*)$/m.exec(m)?.[1];
  try {
    const subscribeAs = async () => {
      await page.goto("/subscribe");
      await page.getByLabel("Email address").fill("reader@example.com");
      await page.getByLabel("Cognito").check();
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("status")).toContainText("we sent a link to reader@example.com");
    };
    await subscribeAs();
    await expect.poll(() => mails.length, { timeout: 15_000 }).toBe(1);
    expect(subject(mails[0])).toBe("Confirm your subscription to Example Cloud status updates");
    const link = /http:\/\/\S+\/subscribe\/[\w-]+/.exec(mails[0])![0];

    await signIn(page);
    const early = await page.request.post("/api/status/incidents", { data: { name: "Cognito errors before confirming", body: "Looking.", components: { cognito: "partial_outage" } } });
    expect(early.status()).toBe(201);
    await subscribeAs(); // entered again: no second mail, no change

    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("status")).toContainText("Confirmed");

    const later = await page.request.post("/api/status/incidents", { data: { name: "Cognito sign-in failures", body: "Sign-ins fail for some users.", components: { cognito: "major_outage" } } });
    expect(later.status()).toBe(201);
    await expect.poll(() => mails.length, { timeout: 15_000 }).toBe(3);
    expect(mails.map(subject).slice(1).sort()).toEqual(["Status change: Cognito", "[Major Service Outage] Cognito sign-in failures: investigating"]);
    expect(mails.join("\n")).not.toContain("before confirming");

    await page.goto(link);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("status")).toContainText("Unsubscribed");
    expect((await page.request.get(link)).status()).toBe(404);
  } finally {
    await new Promise((r) => smtp.close(() => r(undefined)));
  }
});
