import { expect, test } from "@playwright/test";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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
