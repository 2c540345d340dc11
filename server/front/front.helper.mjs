// Test helper: a published site in a temporary folder, and the front serving it on a free port.
import { test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite } from "../../publisher/publish.mjs";
import { fixtureState } from "../../publisher/fixture.mjs";
import { followSite } from "./current.mjs";
import { frontServer } from "./server.mjs";

export async function newSite() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-front-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  const site = join(dir, "site");
  await createSite(site, fixtureState(), []);
  return site;
}

/** The front on `site`; every request that is not the front's is answered 599 "app". */
export async function frontOn(site, options) {
  const followed = followSite(site, { log: () => {}, pollMs: 50 });
  await followed.ready;
  const server = frontServer(() => followed.current, (req, res) => {
    res.writeHead(599);
    res.end("app");
  }, options);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  test.after(() => { followed.stop(); server.close(); server.closeAllConnections(); });
  const port = server.address().port;
  /** @returns {Promise<{ status: number, headers: import("node:http").IncomingHttpHeaders, body: Buffer }>} */
  const get = (path, headers = {}, method = "GET") => new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
  return { followed, get, server, port };
}
