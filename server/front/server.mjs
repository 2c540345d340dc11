// @ts-check
import { createServer } from "node:http";
import { followSite } from "./current.mjs";
import { serveConnection } from "./lane.mjs";
import { relay } from "./relay.mjs";
import { respond } from "./respond.mjs";
import { KEEP_ALIVE_S } from "./wire.mjs";
import { acceptMore } from "./accept.mjs";

// A deep accept queue, and 64 connections taken per turn of the event loop: at the busiest hour a
// thousand readers connect at once while every open connection is asking for the page.
const BACKLOG = 4096;
const EXTRA_ACCEPT_HANDLES = 63;

/**
 * The HTTP server the front listens with. Each connection starts in the front's own lane, which answers
 * plain requests for the site's files; from the first request it leaves alone, Node's HTTP server has
 * the connection, and answers the front's other paths (redirects, 404s, odd requests) or gives the
 * request to `app`.
 * @param {() => import("./release.mjs").Release|null} current
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} app
 * @param {{ headTimeoutMs?: number }} [options]
 */
export function frontServer(current, app, options = {}) {
  const server = createServer((req, res) => {
    if (!respond(req, res, current())) app(req, res);
  });
  // Many public readers keep connections open; the app's own timeouts stay Node's defaults.
  server.keepAliveTimeout = KEEP_ALIVE_S * 1000;
  const [nodeHttp] = server.listeners("connection");
  server.removeAllListeners("connection");
  /** @type {Set<import("node:net").Socket>} */
  const open = new Set();
  server.on("connection", (/** @type {import("node:net").Socket} */ socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    serveConnection(socket, current, (s, unread) => nodeHttp.call(server, relay(s, unread)), options);
  });
  const closeAll = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    closeAll();
    for (const socket of open) socket.destroy();
  };
  return server;
}

/**
 * The one HTTP server of `npm start`: the public site's paths are answered from memory by the front,
 * everything else by Next. It listens at once; requests for the app wait until Next is ready, so the
 * public page answers while the app is still starting.
 * @param {{ dir: string, host: string, port: number, site: string }} o
 */
export async function startFront(o) {
  /** @type {Record<string, string|undefined>} */ (process.env).NODE_ENV = "production";
  const site = followSite(o.site);
  await site.ready;
  // The app's publish (server/publish.ts) asks the front to read the new release before it answers.
  /** @type {any} */ (globalThis)[Symbol.for("sitrep.front")] = site;
  let nextHandler = /** @type {null | ((req: any, res: any) => Promise<void>)} */ (null);
  /** @type {(value?: undefined) => void} */
  let markReady = () => {};
  const nextReady = new Promise((resolve) => { markReady = resolve; });
  const server = frontServer(() => site.current, (req, res) => {
    if (nextHandler) void nextHandler(req, res);
    else void nextReady.then(() => nextHandler?.(req, res));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: o.port, host: o.host, backlog: BACKLOG }, () => resolve(undefined));
  });
  const extraHandles = acceptMore(server, { extra: EXTRA_ACCEPT_HANDLES, backlog: BACKLOG });
  // Next is loaded only once the public page answers: its start-up holds the event loop for a while.
  (async () => {
    const { default: next } = await import("next");
    const app = /** @type {any} */ (next)({ dev: false, dir: o.dir, hostname: o.host, port: o.port });
    await app.prepare();
    nextHandler = app.getRequestHandler();
    markReady();
  })().catch((err) => {
    console.error(`Sitrep: the app could not start: ${err?.stack ?? err}`);
    process.exit(1);
  });
  return {
    server, site, nextReady,
    close: () => new Promise((resolve) => {
      site.stop();
      void extraHandles.then((added) => { for (const side of added) side.close(); });
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    }),
  };
}
