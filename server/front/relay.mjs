// @ts-check
import { Duplex } from "node:stream";

/**
 * A stream over a connection the front has already read from, for Node's HTTP server to take over:
 * it yields the bytes the front read but did not answer, then whatever the client sends next, in order.
 * (Handing over the socket itself would let Node's parser read the socket directly, ahead of those bytes.)
 * @param {import("node:net").Socket} socket @param {Buffer} unread
 */
export function relay(socket, unread) {
  // A write is done once the socket has taken it, not once it is sent: the head and body of an answer
  // then leave together, and a full socket still holds the writer back until it drains.
  const taken = (/** @type {boolean} */ accepted, /** @type {() => void} */ done) => {
    if (accepted) done();
    else socket.once("drain", done);
  };
  const stream = new Duplex({
    read() { socket.resume(); },
    write(chunk, encoding, done) { taken(socket.write(chunk, encoding), done); },
    writev(chunks, done) {
      socket.cork();
      for (const { chunk, encoding } of chunks) socket.write(chunk, encoding);
      socket.uncork();
      taken(!socket.writableNeedDrain, done);
    },
    final(done) { socket.end(done); },
    destroy(err, done) { socket.destroy(); done(err); },
  });
  socket.on("data", (chunk) => { if (!stream.push(chunk)) socket.pause(); });
  socket.on("end", () => stream.push(null));
  socket.on("error", (err) => stream.destroy(err));
  socket.on("close", () => stream.destroy());
  socket.on("timeout", () => stream.emit("timeout"));
  if (unread.length) stream.push(unread);
  // Handed over after the client finished sending (a head cut short): Node's parser sees that end too.
  if (socket.readableEnded) stream.push(null);
  // What Node's HTTP server and the app ask of a connection besides reading and writing.
  return Object.assign(stream, {
    remoteAddress: socket.remoteAddress, remotePort: socket.remotePort, remoteFamily: socket.remoteFamily,
    localAddress: socket.localAddress, localPort: socket.localPort,
    address: () => socket.address(),
    setTimeout(/** @type {number} */ ms, /** @type {(() => void)|undefined} */ onTimeout) {
      socket.setTimeout(ms);
      if (onTimeout) stream.once("timeout", onTimeout);
      return stream;
    },
    setNoDelay(/** @type {boolean|undefined} */ on) { socket.setNoDelay(on); return stream; },
    setKeepAlive(/** @type {boolean|undefined} */ on, /** @type {number|undefined} */ delay) { socket.setKeepAlive(on, delay); return stream; },
  });
}
