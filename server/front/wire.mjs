// @ts-check

/**
 * The bytes of HTTP/1.1 for the front's commonest answers: a strict reader of GET and HEAD request
 * heads, and response heads built once per release. Anything this reader does not accept in full goes
 * to Node's own HTTP parser, so the narrow path never has to judge an odd request.
 */

/** Node's default limit on a request head; a longer one is Node's to refuse. */
export const MAX_HEAD = 16 * 1024;

const REQUEST_LINE = /^(GET|HEAD) (\/[!-~]*) HTTP\/1\.([01])$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible characters and spaces (and obs-text): no tab, CR, LF, NUL or other controls. Node's parser
// reads a tab differently in some headers, so a value with one is Node's to read.
const VALUE = /^[\x20-\x7e\x80-\xff]*$/;
// Headers that give a request a body or bear on how the connection is used beyond Connection itself.
const NOT_PLAIN = new Set(["content-length", "transfer-encoding", "upgrade", "expect", "te", "proxy-connection"]);
// Far more than any browser or monitor sends; Node stops reading headers at some count, so a head with
// this many is left to Node.
const MAX_HEADERS = 100;

/**
 * @typedef {{ method: "GET"|"HEAD", target: string, acceptEncoding: string|undefined,
 *   ifNoneMatch: string|undefined, keepAlive: boolean, http10: boolean }} PlainRequest
 */

/**
 * Reads one request head (without its closing blank line) as latin1 text. Returns null for anything
 * but a plain GET or HEAD with no body: the caller then hands the bytes to Node's parser.
 * @param {string} head
 * @returns {PlainRequest|null}
 */
export function readHead(head) {
  const lines = head.split("\r\n");
  const m = REQUEST_LINE.exec(lines[0]);
  if (!m || lines.length > MAX_HEADERS + 1) return null;
  const http11 = m[3] === "1";
  /** @type {string|undefined} */ let acceptEncoding;
  /** @type {string|undefined} */ let ifNoneMatch;
  let connection = "", host = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const colon = line.indexOf(":");
    if (colon <= 0) return null;
    const name = line.slice(0, colon);
    const raw = line.slice(colon + 1);
    if (!TOKEN.test(name) || !VALUE.test(raw)) return null;
    const value = raw.trim();
    const lower = name.toLowerCase();
    if (lower === "accept-encoding") acceptEncoding = acceptEncoding === undefined ? value : `${acceptEncoding}, ${value}`;
    else if (lower === "if-none-match") ifNoneMatch = ifNoneMatch === undefined ? value : `${ifNoneMatch}, ${value}`;
    else if (lower === "connection") connection += `,${value.toLowerCase()}`;
    else if (lower === "host") host++;
    else if (NOT_PLAIN.has(lower)) return null;
  }
  // HTTP/1.1 needs exactly one Host; Node answers the rest with 400.
  if (http11 ? host !== 1 : host > 1) return null;
  const tokens = connection.split(",").map((t) => t.trim());
  const keepAlive = http11 ? !tokens.includes("close") : tokens.includes("keep-alive");
  return { method: /** @type {"GET"|"HEAD"} */ (m[1]), target: m[2], acceptEncoding, ifNoneMatch, keepAlive, http10: !http11 };
}

/** A bare LF where a line should end, in `buf` from `from` on: not this reader's to wait on. */
export function hasBareLf(/** @type {Buffer} */ buf, from = 0) {
  const start = Math.max(0, from - 1);
  return (start === 0 ? /(^|[^\r])\n/ : /[^\r]\n/).test(buf.toString("latin1", start, Math.min(buf.length, MAX_HEAD + 4)));
}

const REASONS = /** @type {Record<number, string>} */ ({ 200: "OK", 304: "Not Modified" });

/**
 * A response head's fixed part: status line and header lines, without Date, Connection and the blank
 * line that the answer adds per request.
 * @param {200|304} status @param {string[]} flat name, value, name, value…
 */
export function wireHead(status, flat) {
  let text = `HTTP/1.1 ${status} ${REASONS[status]}\r\n`;
  for (let i = 0; i < flat.length; i += 2) text += `${flat[i]}: ${flat[i + 1]}\r\n`;
  return Buffer.from(text, "latin1");
}

/** How long an idle connection stays open, as said in each answer's Keep-Alive header. */
export const KEEP_ALIVE_S = 65;

/** What every answer ends its head with, by [cors][keepAlive]; rebuilt when the second changes. */
let tails = /** @type {Buffer[][]|null} */ (null);
let tailsSecond = 0;

/**
 * The head's per-request end: CORS for the JSON API, the date, and whether the connection stays open.
 * @param {boolean} cors @param {boolean} keepAlive
 */
export function headTail(cors, keepAlive) {
  const now = Date.now();
  const second = now - (now % 1000);
  if (!tails || second !== tailsSecond) {
    // Spelled as Node's HTTP server spells them, so both paths send the same bytes.
    const date = `Date: ${new Date(second).toUTCString()}\r\n`;
    const conn = [`Connection: close\r\n\r\n`, `Connection: keep-alive\r\nKeep-Alive: timeout=${KEEP_ALIVE_S}\r\n\r\n`];
    const make = (/** @type {string} */ pre) => conn.map((c) => Buffer.from(pre + date + c, "latin1"));
    tails = [make(""), make("access-control-allow-origin: *\r\n")];
    tailsSecond = second;
  }
  return tails[cors ? 1 : 0][keepAlive ? 1 : 0];
}
