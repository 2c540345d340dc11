// @ts-check
import { createServer } from "node:http";
import { followSite } from "./current.mjs";
import { respond } from "./respond.mjs";

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
  const server = createServer((req, res) => {
    if (respond(req, res, site.current)) return;
    if (nextHandler) void nextHandler(req, res);
    else void nextReady.then(() => nextHandler?.(req, res));
  });
  // Many public readers keep connections open; the app's own timeouts stay Node's defaults.
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    // A deep accept queue: at the busiest hour a thousand readers connect at once.
    server.listen({ port: o.port, host: o.host, backlog: 4096 }, () => resolve(undefined));
  });
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
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    }),
  };
}
