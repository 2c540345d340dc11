import { isIP } from "node:net";

/** IPv4 ranges that are not the public internet (RFC 6890 special-purpose, multicast, reserved). */
const V4_SPECIAL: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];

const v4Number = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);

function v4IsPublic(ip: string): boolean {
  const n = v4Number(ip);
  return !V4_SPECIAL.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4Number(base) / 2 ** (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails included). */
function v6Groups(ip: string): number[] {
  let s = ip.replace(/%.*$/, "");
  const dotted = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const n = v4Number(dotted[1]);
    s = s.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, null];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === null ? [] : Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

function v6IsPublic(ip: string): boolean {
  const g = v6Groups(ip);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return false; // ::
  if (zeros(0, 7) && g[7] === 1) return false; // ::1
  if (zeros(0, 5) && g[5] === 0xffff) return v4IsPublic(v4From(g[6], g[7])); // ::ffff:a.b.c.d, IPv4-mapped
  if (zeros(0, 6)) return false; // ::a.b.c.d, the deprecated IPv4-compatible form
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4IsPublic(v4From(g[6], g[7])); // NAT64 well-known prefix
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return false; // local-use NAT64
  if (g[0] === 0x2002) return v4IsPublic(v4From(g[1], g[2])); // 6to4 carries an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0) return false; // Teredo
  if (g[0] === 0x2001 && g[1] === 0xdb8) return false; // documentation
  if (g[0] === 0x100 && zeros(1, 4)) return false; // discard-only
  if ((g[0] & 0xfe00) === 0xfc00) return false; // unique local
  if ((g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0) return false; // link-local, site-local
  if ((g[0] & 0xff00) === 0xff00) return false; // multicast
  return true;
}

/**
 * Whether an IP address (v4, or v6 with or without brackets) is on the public internet. IPv6 forms
 * that carry an IPv4 address (mapped, NAT64, 6to4) are judged by the IPv4 address they carry.
 * Anything that is not an IP address at all is not public.
 */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(ip.replace(/%.*$/, ""));
  if (family === 4) return v4IsPublic(ip);
  if (family === 6) return v6IsPublic(ip);
  return false;
}

/** Host names that lead to the machine itself or to a cloud's metadata service, whatever DNS says. */
const LOCAL_NAMES = [/^localhost$/, /\.localhost$/, /^metadata$/, /^metadata\.google\.internal$/, /\.internal$/, /\.local$/, /^instance-data$/, /\.home\.arpa$/];

/** A host name as DNS sees it: lower case, without the trailing dot that means "fully qualified". */
export function canonicalHostName(name: string): string {
  return name.toLowerCase().replace(/\.+$/, "");
}

export function isLocalName(name: string): boolean {
  const n = canonicalHostName(name);
  return !n || LOCAL_NAMES.some((re) => re.test(n));
}
