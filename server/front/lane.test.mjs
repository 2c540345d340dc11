// The front's own HTTP/1.1 path: the same answers as Node's HTTP server, in order, and anything odd left to Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { createServer, request } from "node:http";
import { respond } from "./respond.mjs";
import { frontOn, newSite } from "./front.helper.mjs";

/**
 * Splits the bytes a server sent into answers: status, headers in order (without Date) and body.
 * @param {Buffer} bytes @param {string[]} methods the method of each request, for HEAD's empty body
 */
function answers(bytes, methods) {
  const out = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf("\r\n\r\n", at);
    assert.ok(end > 0, `an incomplete head: ${bytes.subarray(at, at + 80).toString("latin1")}`);
    const [statusLine, ...lines] = bytes.toString("latin1", at, end).split("\r\n");
    const headers = lines.filter((h) => !/^date:/i.test(h));
    const status = Number(statusLine.split(" ")[1]);
    const length = Number(/^content-length: (\d+)$/im.exec(headers.join("\n"))?.[1] ?? 0);
    const bodyless = status === 304 || methods[out.length] === "HEAD";
    at = end + 4;
    let body = "";
    if (!bodyless && headers.some((h) => /^transfer-encoding: chunked$/i.test(h))) {
      for (;;) {
        const lineEnd = bytes.indexOf("\r\n", at);
        const size = parseInt(bytes.toString("latin1", at, lineEnd), 16);
        body += bytes.toString("latin1", lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
    } else {
      body = bytes.toString("latin1", at, at + (bodyless ? 0 : length));
      at += body.length;
    }
    out.push({ status, headers, body });
  }
  return out;
}

/**
 * Sends raw bytes (in the pieces given, a little apart) and collects everything until the server
 * closes the connection or `quietMs` pass without a byte.
 * @param {number} port @param {(string|Buffer)[]} pieces
 */
function exchange(port, pieces, { quietMs = 300, gapMs = 5, end = false } = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const got = [];
    let timer;
    const done = (closed) => { clearTimeout(timer); socket.destroy(); resolve({ bytes: Buffer.concat(got), closed }); };
    const quiet = () => { clearTimeout(timer); timer = setTimeout(() => done(false), quietMs); };
    socket.on("data", (c) => { got.push(c); quiet(); });
    socket.on("end", () => done(true));
    socket.on("error", reject);
    socket.on("connect", async () => {
      for (const p of pieces) {
        socket.write(p);
        await new Promise((r) => setTimeout(r, gapMs));
      }
      if (end) socket.end();
      quiet();
    });
  });
}

/** Node's own HTTP server answering with the same rules, to compare the front's path against. */
async function nodeReference(current) {
  const server = createServer((req, res) => {
    if (!respond(req, res, current())) {
      res.writeHead(599);
      res.end("app");
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  test.after(() => { server.close(); server.closeAllConnections(); });
  return server.address().port;
}

const get = (path, extra = "", method = "GET") => `${method} ${path} HTTP/1.1\r\nHost: status.example\r\n${extra}\r\n`;

test("every file of the site gets the same status, headers and bytes as Node's HTTP server gives, for each encoding, HEAD and 304", async () => {
  const { followed, port } = await frontOn(await newSite());
  const reference = await nodeReference(() => followed.current);
  const paths = ["/status/", "/status/?from=monitor", "/api/v2/summary.json", "/status/api/v2/components.json", "/feed.atom", "/feed.rss",
    ...[...followed.current.files.keys()].filter((f) => f.startsWith("incidents/")).slice(0, 3).map((f) => `/status/${f}`)];
  let compared = 0;
  for (const path of paths) {
    for (const encoding of ["", "gzip", "br", "gzip, deflate, br", "br;q=0, gzip;q=0", "*"]) {
      const accept = encoding ? `Accept-Encoding: ${encoding}\r\n` : "";
      for (const method of ["GET", "HEAD"]) {
        const first = get(path, accept, method);
        const theirs = answers((await exchange(reference, [first])).bytes, [method]);
        const ours = answers((await exchange(port, [first])).bytes, [method]);
        assert.deepEqual(ours, theirs, `${method} ${path} ${encoding}`);
        const etag = /^etag: (.*)$/im.exec(theirs[0].headers.join("\n"))[1];
        const again = get(path, `${accept}If-None-Match: W/"other", ${etag}\r\n`, method);
        const fresh = answers((await exchange(port, [again])).bytes, [method]);
        assert.equal(fresh[0].status, 304, `${method} ${path} ${encoding} with its tag`);
        assert.deepEqual(fresh, answers((await exchange(reference, [again])).bytes, [method]));
        compared += 2;
      }
    }
  }
  assert.ok(compared >= 100);
});

test("requests sent together on one connection are answered in order, whether the front or the app answers them", async () => {
  const { port } = await frontOn(await newSite());
  const sequence = [get("/status/"), get("/incidents"), get("/api/v2/summary.json"), get("/status/nope.html"), get("/feed.atom", "", "HEAD"), get("/status/")];
  const methods = ["GET", "GET", "GET", "GET", "HEAD", "GET"];
  const expected = [200, 599, 200, 404, 200, 200];
  // All at once, then cut at every few bytes so heads arrive in pieces.
  const whole = sequence.join("");
  for (const pieces of [[whole], whole.match(/[\s\S]{1,7}/g)]) {
    const { bytes, closed } = await exchange(port, pieces, { gapMs: pieces.length > 1 ? 0 : 5 });
    const got = answers(bytes, methods);
    assert.deepEqual(got.map((a) => a.status), expected);
    assert.equal(got[1].body, "app");
    assert.equal(closed, false, "the connection stays open");
  }
});

test("odd requests get exactly the answer Node's HTTP server gives them", async () => {
  const { followed, port } = await frontOn(await newSite());
  const reference = await nodeReference(() => followed.current);
  const odd = {
    "bare LF line ends": "GET /status/ HTTP/1.1\nHost: x\n\n",
    "a folded header": "GET /status/ HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip,\r\n br\r\n\r\n",
    "HTTP/1.1 without Host": "GET /status/ HTTP/1.1\r\n\r\n",
    "two Host headers": "GET /status/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "a chunked body on GET": "GET /status/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    "a body by length on GET": "GET /status/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
    "smuggling: length and chunked": "GET /status/ HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "absolute-form target": "GET http://x/status/ HTTP/1.1\r\nHost: x\r\n\r\n",
    "lower-case method": "get /status/ HTTP/1.1\r\nHost: x\r\n\r\n",
    "POST to a page": "POST /status/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    "OPTIONS on the API": "OPTIONS /api/v2/summary.json HTTP/1.1\r\nHost: x\r\nOrigin: https://a.example\r\n\r\n",
    "unknown version": "GET /status/ HTTP/2.0\r\nHost: x\r\n\r\n",
    "space before the colon": "GET /status/ HTTP/1.1\r\nHost : x\r\n\r\n",
    "NUL in a value": "GET /status/ HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gz\0ip\r\n\r\n",
    "a 20 KB header": `GET /status/ HTTP/1.1\r\nHost: x\r\nX-Long: ${"a".repeat(20_000)}\r\n\r\n`,
    "Expect: 100-continue": "GET /status/ HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
    "a redirect": "GET /status HTTP/1.1\r\nHost: x\r\n\r\n",
    "an encoded dot-dot": "GET /status/%2e%2e/site.d/config.json HTTP/1.1\r\nHost: x\r\n\r\n",
    "two Content-Length: 0": "GET /status/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
    "a tab after Content-Length: 0": "GET /status/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\t\r\n\r\n",
    "Proxy-Connection: close": "GET /status/ HTTP/1.1\r\nHost: x\r\nProxy-Connection: close\r\n\r\n",
    "HTTP/1.0 Proxy-Connection: keep-alive": "GET /status/ HTTP/1.0\r\nProxy-Connection: keep-alive\r\n\r\n",
    "a tab after close": "GET /status/ HTTP/1.1\r\nHost: x\r\nConnection: close\t\r\n\r\n",
    "HTTP/1.0 keep-alive with a tab": "GET /status/ HTTP/1.0\r\nConnection: keep-alive\t\r\n\r\n",
    "1,100 headers before Accept-Encoding": `GET /status/ HTTP/1.1\r\nHost: x\r\n${"a: b\r\n".repeat(1100)}Accept-Encoding: br\r\n\r\n`,
  };
  const cases = [
    ...Object.entries(odd).map(([name, bytes]) => ({ name, pieces: [bytes] })),
    { name: "a head cut short by the client's end", pieces: ["GET /status/ HTTP/1.1\r\nHost: x\r\n"], end: true },
    { name: "a 4 KB head a byte at a time", pieces: [...`GET /status/ HTTP/1.1\r\nHost: x\r\nX-Pad: ${"p".repeat(4000)}\r\nAccept-Encoding: gzip\r\n\r\n`], gapMs: 0 },
  ];
  const withoutDate = (b) => b.bytes.toString("latin1").replace(/^date: .*\r\n/gim, "");
  for (const { name, pieces, end = false, gapMs = 5 } of cases) {
    const theirs = await exchange(reference, pieces, { end, gapMs });
    const ours = await exchange(port, pieces, { end, gapMs });
    assert.equal(withoutDate(ours), withoutDate(theirs), name);
    assert.equal(ours.closed, theirs.closed, `${name}: the connection is closed alike`);
  }
});

test("HTTP/1.0 and Connection: close end the connection after the answer; a reset after that harms nothing", async () => {
  const { port, get: fetch } = await frontOn(await newSite());
  const old = await exchange(port, ["GET /status/ HTTP/1.0\r\n\r\n"]);
  assert.equal(old.closed, true);
  assert.match(old.bytes.toString("latin1"), /^HTTP\/1\.1 200 OK\r\n[\s\S]*connection: close\r\n/i);
  const kept = await exchange(port, ["GET /status/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"]);
  assert.equal(kept.closed, false);
  // A 304 has no length: an HTTP/1.0 client learns where it ends only from the close.
  const etag = /^etag: (.*)$/im.exec(kept.bytes.toString("latin1"))[1];
  const unchanged = await exchange(port, [`GET /status/ HTTP/1.0\r\nConnection: keep-alive\r\nIf-None-Match: ${etag}\r\n\r\n`]);
  assert.match(unchanged.bytes.toString("latin1"), /^HTTP\/1\.1 304 /);
  assert.equal(unchanged.closed, true);
  const closing = await exchange(port, [get("/status/", "Connection: close\r\n") + get("/status/")]);
  assert.equal(closing.closed, true);
  assert.equal(answers(closing.bytes, ["GET"]).length, 1, "nothing after the request that asked to close is answered");
  // Clients that reset the connection right after asking to close it: the server must not fall over.
  await Promise.all(Array.from({ length: 50 }, () => new Promise((resolve) => {
    const s = connect(port, "127.0.0.1", () => {
      s.write(get("/status/", "Connection: close\r\n"));
      s.resetAndDestroy();
      resolve(undefined);
    });
    s.on("error", () => resolve(undefined));
  })));
  await new Promise((r) => setTimeout(r, 100));
  assert.equal((await fetch("/status/")).status, 200);
});

test("a request head that never finishes is answered 408 and closed", async () => {
  const { port } = await frontOn(await newSite(), { headTimeoutMs: 100 });
  const slow = await exchange(port, ["GET /status/ HTTP/1.1\r\n", "Host: x\r\n", "Accept: */*\r\n"], { gapMs: 80, quietMs: 500 });
  assert.match(slow.bytes.toString("latin1"), /^HTTP\/1\.1 408 /);
  assert.equal(slow.closed, true);
});

test("the app's requests reach it whole: a body in pieces, its headers, and the client's address", async () => {
  const site = await newSite();
  const { followSite } = await import("./current.mjs");
  const { frontServer } = await import("./server.mjs");
  const followed = followSite(site, { log: () => {} });
  await followed.ready;
  const seen = [];
  const server = frontServer(() => followed.current, (req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, type: req.headers["content-type"], body: Buffer.concat(chunks).toString(), address: req.socket.remoteAddress });
      res.writeHead(201, { "content-type": "text/plain" });
      res.end("stored");
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  test.after(() => { followed.stop(); server.close(); server.closeAllConnections(); });
  const { port } = server.address();
  const body = JSON.stringify({ text: "x".repeat(100_000) });
  const answer = await new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/publish?x=1", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    // Written in pieces, chunked: the head reaches the front before the body does.
    for (let i = 0; i < body.length; i += 10_000) req.write(body.slice(i, i + 10_000));
    req.end();
  });
  assert.deepEqual(answer, { status: 201, text: "stored" });
  assert.deepEqual(seen, [{ method: "POST", url: "/api/publish?x=1", type: "application/json", body, address: "127.0.0.1" }]);
});

test("a client that asks without reading is not read from until it catches up, and then gets every answer", async () => {
  const { port, server } = await frontOn(await newSite());
  let serverSide;
  server.prependListener("connection", (s) => { serverSide = s; });
  const client = connect(port, "127.0.0.1");
  await new Promise((r) => client.once("connect", r));
  client.pause();
  const asked = 400;
  for (let i = 0; i < asked; i++) {
    client.write(get("/status/"));
    if (i % 20 === 0) await new Promise((r) => setTimeout(r, 2));
  }
  await new Promise((r) => setTimeout(r, 300));
  // Each plain answer is about 15 KB: all of them would be 6 MB held in memory for this one client.
  assert.ok(serverSide.writableLength < 1_000_000, `${serverSide.writableLength} bytes waiting in the server for one client`);
  const one = (await exchange(port, [get("/status/")])).bytes.length;
  const got = [];
  let received = 0;
  client.on("data", (c) => { got.push(c); received += c.length; });
  client.resume();
  const started = Date.now();
  while (received < asked * one && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
  client.destroy();
  const all = answers(Buffer.concat(got), []);
  assert.equal(all.length, asked);
  assert.ok(all.every((a) => a.status === 200));
});
