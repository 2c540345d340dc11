// @ts-check
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/**
 * Node's event loop takes one new connection from the listening socket per turn. At the busiest hour a
 * turn answers a request on every open connection first, so with a thousand readers connected a new
 * one waited seconds in the kernel's queue. Each extra handle on the same listening socket is one more
 * connection taken per turn. Node 20 cannot open a second handle on a socket itself, so a short-lived
 * child process is handed the socket and hands it back `extra` times: each time the kernel gives this
 * process a new descriptor of the same socket. The child exits at once; if it cannot run, the server
 * keeps its one handle and says so.
 * @param {import("node:net").Server} server a listening server; connections on the new handles are emitted on it
 * @param {{ extra: number, backlog: number, log?: (line: string) => void }} o
 * @returns {Promise<import("node:net").Server[]>} the added servers (close them with the main one)
 */
export function acceptMore(server, { extra, backlog, log = (line) => console.warn(line) }) {
  const handle = /** @type {any} */ (server)._handle;
  if (!handle || extra <= 0) return Promise.resolve([]);
  /** @type {import("node:net").Server[]} */
  const added = [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", "process.on('message', (m, h) => process.send(m, h, () => m === 'last' && process.connected && process.disconnect()))"], {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    const done = (/** @type {string|null} */ problem) => {
      if (problem) log(`Sitrep front: taking new connections through one handle only (${problem})`);
      child.removeAllListeners();
      if (child.connected) child.disconnect();
      resolve(added);
    };
    child.on("error", (err) => done(err.message));
    // The channel closes once every message has been read, or when the helper failed.
    child.on("disconnect", () => done(added.length === extra ? null : "the helper process ended early"));
    child.on("message", (/** @type {string} */ _m, /** @type {any} */ copy) => {
      const side = createServer({ noDelay: true, allowHalfOpen: true }, (socket) => server.emit("connection", socket));
      side.on("error", (err) => log(`Sitrep front: an extra accept handle failed (${err.message})`));
      // Listening again on the same socket sets its queue length; keep the main server's.
      side.listen(copy, backlog);
      added.push(side);
      if (added.length === extra) done(null);
    });
    for (let i = 0; i < extra; i++) child.send(i === extra - 1 ? "last" : "more", handle);
  });
}
