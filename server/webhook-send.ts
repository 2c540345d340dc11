import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Delivery } from "../db/subscribers";
import { isPublicAddress } from "../lib/ip-ranges";
import { hostMayBePublic, SIGNATURE_HEADER, signBody } from "../lib/webhooks";
import type { Sender } from "./delivery-worker";

export class RefusedAddress extends Error {}

type Resolve = (host: string, cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
const systemResolve: Resolve = (host, cb) => dnsLookup(host, { all: true }, cb);

/**
 * A `lookup` for sockets that resolves the name once and refuses it unless every address it
 * resolves to is public. The socket connects to the address checked here, so a name that answers
 * differently the second time (DNS rebinding) cannot slip a private address in.
 */
export function checkedLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const bad = addresses.find((a) => !isPublicAddress(a.address));
      if (!addresses.length || bad) {
        return callback(new RefusedAddress(`${hostname} resolves to ${bad?.address ?? "nothing"}, a private or loopback address; webhooks may only go to public addresses`), "", 4);
      }
      const wanted = options.family === 6 || options.family === 4 ? addresses.filter((a) => a.family === options.family) : addresses;
      const chosen = wanted[0] ?? addresses[0];
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted.length ? wanted : addresses);
      callback(null, chosen.address, chosen.family);
    });
  };
}

const allowPrivate = () => process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS === "1";

/**
 * POSTs one delivery with the HMAC header; anything but a 2xx is an error worth retrying. Unless
 * private targets are allowed, the host is checked as written and again on the address the socket
 * really connects to, and redirects are never followed.
 */
export function postWebhook(d: Pick<Delivery, "id" | "target" | "secret" | "payload">, signal: AbortSignal, resolve?: Resolve): Promise<void> {
  const url = new URL(d.target);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!allowPrivate() && (!hostMayBePublic(url.hostname) || (isIP(host) && !isPublicAddress(host)))) {
    return Promise.reject(new RefusedAddress(`${url.hostname} is a private, loopback or metadata address; webhooks may only go to public addresses`));
  }
  const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
  if (!client) return Promise.reject(new RefusedAddress(`${url.protocol} is not http or https`));
  return new Promise((ok, fail) => {
    const req = client.request(url, {
      method: "POST", signal, agent: false,
      lookup: allowPrivate() ? undefined : checkedLookup(resolve),
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(d.payload), [SIGNATURE_HEADER]: signBody(d.secret, d.payload), "x-sitrep-delivery": String(d.id) },
    }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode! >= 200 && res.statusCode! < 300 ? ok() : fail(new Error(`HTTP ${res.statusCode}`))));
      res.on("error", (err) => fail(signal.aborted && signal.reason instanceof Error ? signal.reason : err));
    });
    // Reject with the signal's own reason (a TimeoutError when the worker's clock ran out), as fetch does.
    req.on("error", (err) => fail(signal.aborted && signal.reason instanceof Error ? signal.reason : err));
    req.end(d.payload);
  });
}

export const sendWebhook: Sender = (d, signal) => postWebhook(d, signal);
