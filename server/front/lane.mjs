// @ts-check
import { choose, route } from "./respond.mjs";
import { KEEP_ALIVE_S, MAX_HEAD, hasBareLf, headTail, readHead } from "./wire.mjs";

/** @typedef {import("./release.mjs").Release} Release @typedef {import("./wire.mjs").PlainRequest} PlainRequest */

const END_OF_HEAD = Buffer.from("\r\n\r\n");
const EMPTY = Buffer.alloc(0);
/** Node's default headersTimeout: a head that takes longer to arrive is refused. */
const HEAD_TIMEOUT_MS = 60_000;
const TIMED_OUT = "HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n";
/** A head still unfinished after this many reads is read by Node's parser, which reads as it goes. */
const MAX_PIECES = 32;
/** Past this size the head and body go out as two writes rather than one copied buffer. */
const COPY_LIMIT = 32 * 1024;

/**
 * The bytes answering a plain request for a file of the release, or null when it is not that (another
 * path, a redirect, a 404, no release yet): respond.mjs answers those through Node's HTTP server.
 * @param {PlainRequest} req @param {Release|null} release
 * @returns {{ parts: Buffer[], keepAlive: boolean }|null}
 */
export function answer(req, release) {
  if (!release) return null;
  const q = req.target.indexOf("?");
  const r = route(q < 0 ? req.target : req.target.slice(0, q));
  if (!r || !("file" in r)) return null;
  const entry = release.files.get(r.file);
  if (!entry) return null;
  const { chosen, fresh } = choose(entry, req.acceptEncoding, req.ifNoneMatch);
  const head = fresh ? chosen.headers.wire.notModified : chosen.headers.wire.full;
  // A 304 has no length, so an HTTP/1.0 client could not tell where it ends but by the close (as Node does).
  const keepAlive = req.keepAlive && !(req.http10 && fresh);
  const tail = headTail(r.cors, keepAlive);
  return { parts: fresh || req.method === "HEAD" ? [head, tail] : [head, tail, chosen.bytes], keepAlive };
}

/** @param {import("node:net").Socket} socket @param {Buffer[]} parts */
function send(socket, parts) {
  const size = parts.reduce((n, p) => n + p.length, 0);
  if (size <= COPY_LIMIT) return socket.write(Buffer.concat(parts, size));
  socket.cork();
  for (const p of parts) socket.write(p);
  socket.uncork();
  return !socket.writableNeedDrain;
}

/**
 * Serves one connection's requests for the public site's files straight from the release in memory,
 * without building Node's request and response objects: at the busiest hour that is most of the cost of
 * an answer. The first request it does not answer itself, and every byte after it, goes to `handOff`.
 * @param {import("node:net").Socket} socket
 * @param {() => Release|null} current
 * @param {(socket: import("node:net").Socket, unread: Buffer) => void} handOff
 * @param {{ headTimeoutMs?: number }} [options]
 */
export function serveConnection(socket, current, handOff, { headTimeoutMs = HEAD_TIMEOUT_MS } = {}) {
  let pending = /** @type {Buffer} */ (EMPTY), headSince = 0, pieces = 0;

  const onTimeout = () => socket.destroy();
  const onError = () => socket.destroy();
  // The client is done sending: everything it asked for has been written, so close our side too.
  // With a head half sent, Node's parser gives the answer it gives to that.
  const onEnd = () => (pending.length ? leave(pending) : finish());
  const stop = () => {
    socket.off("data", onData);
    socket.off("end", onEnd);
    socket.off("timeout", onTimeout);
    socket.setTimeout(0);
  };
  // Closing our side: a reset from the client may still come, so the error handler stays.
  const finish = (last = "") => {
    stop();
    socket.end(last);
  };
  const leave = (/** @type {Buffer} */ unread) => {
    stop();
    socket.off("error", onError);
    handOff(socket, unread);
  };

  /** @param {Buffer} chunk */
  function onData(chunk) {
    // Only the bytes not yet looked at are searched: a head sent a byte at a time costs no more to read.
    let searched = pending.length;
    /** @type {Buffer} */
    let buf = searched ? Buffer.concat([pending, chunk]) : chunk;
    pending = EMPTY;
    while (buf.length) {
      const end = buf.indexOf(END_OF_HEAD, Math.max(0, searched - 3));
      if (end < 0 || end > MAX_HEAD) {
        if (end > MAX_HEAD || buf.length > MAX_HEAD + 3 || hasBareLf(buf, searched) || ++pieces > MAX_PIECES) return leave(buf);
        if (!headSince) headSince = Date.now();
        else if (Date.now() - headSince > headTimeoutMs) return finish(TIMED_OUT);
        pending = buf;
        return;
      }
      headSince = 0;
      pieces = 0;
      searched = 0;
      const req = readHead(buf.toString("latin1", 0, end));
      const reply = req && answer(req, current());
      if (!reply) return leave(buf);
      const flowing = send(socket, reply.parts);
      buf = buf.subarray(end + END_OF_HEAD.length);
      if (!reply.keepAlive) return finish();
      // A client that sends requests without reading the answers is not read from until it catches up.
      if (!flowing) {
        pending = buf;
        socket.pause();
        socket.once("drain", () => {
          socket.resume();
          onData(EMPTY);
        });
        return;
      }
    }
  }

  socket.setTimeout(KEEP_ALIVE_S * 1000);
  socket.on("timeout", onTimeout);
  socket.on("error", onError);
  socket.on("end", onEnd);
  socket.on("data", onData);
}
