import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { postWebhook, RefusedAddress } from "./webhook-send";

const FINDING_7 = [
  "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "localhost", "localhost.", "[::]", "[fe80::1]", "100.64.0.1",
  "[::ffff:169.254.169.254]", "198.18.0.1", "[64:ff9b::7f00:1]", "metadata.google.internal", "metadata.google.internal.", "127.0.0.1", "[::1]",
  "169.254.169.254", "0.0.0.0",
];

async function receiver() {
  let hits = 0;
  const server = createServer((req, res) => { hits++; req.resume(); res.end("ok"); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, hits: () => hits, close: () => server.close() };
}

const delivery = (target: string) => ({ id: 1, target, secret: "s", payload: "{}" });

test("every address from the audit is refused at delivery, and nothing reaches the local receiver", { timeout: 20_000 }, async () => {
  delete process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS;
  const r = await receiver();
  try {
    for (const host of FINDING_7) {
      await assert.rejects(postWebhook(delivery(`http://${host}:${r.port}/hook`), AbortSignal.timeout(3000)), RefusedAddress, host);
    }
    assert.equal(r.hits(), 0);
  } finally {
    r.close();
  }
});

test("a name that passed sign-up is checked again on the address the socket connects to (DNS rebinding), and any private answer refuses it", { timeout: 10_000 }, async () => {
  delete process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS;
  const r = await receiver();
  const rebinding = (_h: string, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address: "127.0.0.1", family: 4 }]);
  const mixed = (_h: string, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address: "93.184.216.34", family: 4 }, { address: "::ffff:10.0.0.1", family: 6 }]);
  try {
    await assert.rejects(postWebhook(delivery(`http://hooks.example.com:${r.port}/`), AbortSignal.timeout(3000), rebinding), RefusedAddress);
    await assert.rejects(postWebhook(delivery(`http://hooks.example.com:${r.port}/`), AbortSignal.timeout(3000), mixed), RefusedAddress);
    assert.equal(r.hits(), 0);
  } finally {
    r.close();
  }
});

test("SITREP_ALLOW_PRIVATE_WEBHOOKS=1 still delivers to loopback, for tests and private installs", { timeout: 10_000 }, async () => {
  process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS = "1";
  const r = await receiver();
  try {
    await postWebhook(delivery(`http://127.0.0.1:${r.port}/hook`), AbortSignal.timeout(3000));
    await postWebhook(delivery(`http://localhost:${r.port}/hook`), AbortSignal.timeout(3000));
    assert.equal(r.hits(), 2);
  } finally {
    delete process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS;
    r.close();
  }
});
