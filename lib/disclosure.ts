/**
 * The disclosure check: what in a customer-facing text must not leave the company. Pure: the caller
 * passes the people with accounts, the catalog and the hosts that may be named (the status page's own).
 */

export const FINDING_KINDS = ["email", "person", "internal_service", "host", "ip", "link", "tracker", "annotation"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Record<FindingKind, string> = {
  email: "Email address",
  person: "Name of a person with an account",
  internal_service: "Internal service (not a public component)",
  host: "Host name",
  ip: "IP address",
  link: "Link to a non-public address",
  tracker: "Tracker id",
  annotation: "Internal annotation",
};

export interface Finding {
  kind: FindingKind;
  /** The text as found. */
  text: string;
  /** Offsets into the checked text: [start, end). */
  start: number;
  end: number;
  /** What acceptance is recorded against: the same words accepted once stay accepted after edits elsewhere. */
  key: string;
}

export interface DisclosureContext {
  people: { name: string; email: string }[];
  services: { slug: string; name: string; public: boolean }[];
  /** Host names customers may see, e.g. the status page's own. */
  allowedHosts?: string[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*/g;
const URL = /\bhttps?:\/\/[^\s<>()\]"'`]+[^\s<>()\]"'`.,;:!?]/gi;
export const ANNOTATION = /\[(?:events|services|service|owner|owners|tracker|source|actor|cause|status|internal)\s*:[^\]\n]*\]/gi;
const IPV4 = /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/\d{1,2})?(?![\w.]*\w)/g;
// Either eight groups, or a "::" shortening with at least one group beside it. Clock times (10:07:00) have neither.
const IPV6 = /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:)+:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?|::(?:[0-9a-f]{1,4}:)*[0-9a-f]{1,4})(?:\/\d{1,3})?(?![\w:])/gi;
const TRACKER = /(?<![\w-])(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|[\w.-]+\/[\w.-]+#\d+)(?![\w-])/g;
// A dotted name ending in a top-level domain people use for machines; "e.g.", "Node.js" and "v1.2" are not hosts.
const HOST_TLDS = "com|net|org|io|dev|app|cloud|co|internal|local|localdomain|corp|lan|intranet|intra|private|priv|home|aws|prod|stage|staging|test|example|info|biz|us|uk|de|eu|fr|jp";
const HOST = new RegExp(`(?<![\\w.@-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${HOST_TLDS})(?![\\w-]|\\.[a-z0-9])`, "gi");

function* matches(text: string, re: RegExp): Generator<[string, number]> {
  for (const m of text.matchAll(re)) yield [m[0], m.index ?? 0];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The phrase as whole words, any case, with any run of spaces or hyphens where it has one. */
const phrase = (s: string) => new RegExp(`(?<![\\w-])${s.trim().split(/[\s]+/).map(escapeRe).join("[\\s-]+")}(?![\\w-])`, "gi");

function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((a) => h === a || h.endsWith(`.${a}`));
}

/** Every finding in the text, in order of where it starts; overlapping findings keep the first, longest one. */
export function checkDisclosure(text: string, ctx: DisclosureContext): Finding[] {
  const allowed = (ctx.allowedHosts ?? []).map((h) => h.toLowerCase()).filter(Boolean);
  const found: Finding[] = [];
  const add = (kind: FindingKind, t: string, start: number) =>
    found.push({ kind, text: t, start, end: start + t.length, key: `${kind}:${t.toLowerCase().replace(/\s+/g, " ")}` });

  for (const [t, i] of matches(text, ANNOTATION)) add("annotation", t, i);
  for (const [t, i] of matches(text, URL)) {
    const host = t.replace(/^https?:\/\//i, "").split(/[/?#:]/)[0];
    if (!hostAllowed(host, allowed)) add("link", t, i);
  }
  for (const [t, i] of matches(text, EMAIL)) add("email", t, i);
  for (const [t, i] of matches(text, IPV4)) add("ip", t, i);
  for (const [t, i] of matches(text, IPV6)) add("ip", t, i);
  for (const [t, i] of matches(text, TRACKER)) if (!/^(?:SEV|P|UTC|GMT|ISO|RFC|TLS|HTTP|IPV)\d*-/i.test(t)) add("tracker", t, i);
  for (const [t, i] of matches(text, HOST)) if (!hostAllowed(t, allowed)) add("host", t, i);

  const people = ctx.people.flatMap((p) => (p.name.trim().split(/\s+/).length >= 2 ? [p.name.trim()] : []));
  for (const name of new Set(people)) for (const [t, i] of matches(text, phrase(name))) add("person", t, i);

  // A public component's name is fine even where an internal service's name is part of it.
  const publicSpans: [number, number][] = [];
  for (const s of ctx.services.filter((s) => s.public)) {
    for (const n of [s.name, s.slug]) for (const [t, i] of matches(text, phrase(n))) publicSpans.push([i, i + t.length]);
  }
  for (const s of ctx.services.filter((s) => !s.public)) {
    for (const n of new Set([s.name, s.slug])) {
      for (const [t, i] of matches(text, phrase(n))) {
        if (!publicSpans.some(([a, b]) => a <= i && i + t.length <= b)) add("internal_service", t, i);
      }
    }
  }
  return dropOverlaps(found);
}

function dropOverlaps(found: Finding[]): Finding[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}

/** Findings not yet accepted; acceptance is by key. */
export function openFindings(findings: Finding[], acceptedKeys: Iterable<string>): Finding[] {
  const accepted = new Set(acceptedKeys);
  return findings.filter((f) => !accepted.has(f.key));
}
