import { expect, test } from "@playwright/test";

test("the private feed URL reads a subscription but cannot cancel it; the manage link can", async ({ request }) => {
  const res = await request.post("/api/subscribe", { data: { kind: "webhook", target: "http://127.0.0.1:9/feed-vs-manage", components: [] } });
  expect(res.status()).toBe(201);
  const { manage, feed } = await res.json();
  const feedToken = feed.split("/feeds/")[1].replace(/\.atom$/, "");
  const manageToken = manage.split("/subscribe/")[1];
  expect(feedToken).not.toBe(manageToken);
  expect((await request.get(`/feeds/${feedToken}.atom`)).status()).toBe(200);
  expect((await request.delete(`/api/subscribe/${feedToken}`)).status()).toBe(404);
  expect((await request.get(`/subscribe/${feedToken}`)).status()).toBe(404);
  expect((await request.get(`/subscribe/${manageToken}`)).status()).toBe(200);
  expect((await request.delete(`/api/subscribe/${manageToken}`)).status()).toBe(204);
  expect((await request.get(`/feeds/${feedToken}.atom`)).status()).toBe(404);
});
