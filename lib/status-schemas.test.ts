import { test } from "node:test";
import assert from "node:assert/strict";
import { subscribeSchema } from "./status-schemas";

test("subscriptions: one inbox is one subscriber however it is typed; bad targets name the field", () => {
  assert.equal(subscribeSchema.parse({ kind: "email", target: "  Reader@Example.COM " }).target, "reader@example.com");
  assert.equal(subscribeSchema.parse({ kind: "webhook", target: "https://Hooks.example.com/A" }).target, "https://Hooks.example.com/A", "URLs keep their case");
  const bad = subscribeSchema.safeParse({ kind: "email", target: "not an address" });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join(".")), ["target"]);
});
