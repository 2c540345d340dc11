// New connections at the busiest hour: many are taken per turn of the event loop, not one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { once } from "node:events";
import { acceptMore } from "./accept.mjs";

const CLIENTS = 50;

/**
 * Blocks this process's event loop while a child process opens `CLIENTS` connections (the kernel
 * completes them and queues them for accept), then reports in which loop turn each was taken.
 * @param {import("node:net").Server} server
 */
async function turnsTaken(server) {
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  const sockets = [];
  const takenIn = [];
  let turn = 0;
  let counting = true;
  const tick = () => { turn++; if (counting) setImmediate(tick); };
  server.on("connection", (s) => { takenIn.push(turn); sockets.push(s); });
  const client = spawn(process.execPath, ["-e", `
    const net = require("node:net");
    process.stdin.once("data", () => {
      let open = 0;
      for (let i = 0; i < ${CLIENTS}; i++) net.connect(${port}, "127.0.0.1", () => { if (++open === ${CLIENTS}) console.log("connected"); });
    });
    console.log("ready");
  `], { stdio: ["pipe", "pipe", "inherit"] });
  test.after(() => client.kill());
  await once(client.stdout, "data");
  client.stdin.write("go\n");
  const until = Date.now() + 1_500;
  while (Date.now() < until) { /* the loop is busy: the connections wait in the kernel's queue */ }
  setImmediate(tick);
  while (sockets.length < CLIENTS) await new Promise((r) => setTimeout(r, 10));
  counting = false;
  for (const s of sockets) s.destroy();
  const perTurn = new Map();
  for (const t of takenIn) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
  return Math.max(...perTurn.values());
}

test("connections that queued up while the server was busy are taken in one turn, not one per turn", async () => {
  const server = createServer();
  await new Promise((r) => server.listen({ port: 0, host: "127.0.0.1", backlog: 512 }, () => r(undefined)));
  const added = await acceptMore(server, { extra: 63, backlog: 512, log: (line) => assert.fail(line) });
  test.after(() => { for (const s of [server, ...added]) s.close(); });
  assert.equal(added.length, 63);
  assert.ok(await turnsTaken(server) >= CLIENTS * 0.8, "most of the queued connections were taken in the first turn");
});

test("without the extra handles Node takes one connection per turn (what the front had)", async () => {
  const server = createServer();
  await new Promise((r) => server.listen({ port: 0, host: "127.0.0.1", backlog: 512 }, () => r(undefined)));
  test.after(() => server.close());
  assert.ok(await turnsTaken(server) <= 2);
});
