import "server-only";
import type { Database } from "better-sqlite3";
import { getDb } from "@/db/connection";
import { getIncident, SaveError } from "@/db/incidents";
import { acceptFinding, getPublicVersion, listAcceptances, listPublicRevisions, markPublicPublished, savePublicVersion } from "@/db/public-postmortems";
import { listReviewRequests, postmortemAuthors } from "@/db/review-requests";
import { getCatalog } from "@/db/services";
import { statusIncidentFor } from "@/db/status";
import { listUsers, type User } from "@/db/users";
import { checkDisclosure, openFindings, type DisclosureContext, type Finding } from "@/lib/disclosure";
import { draftPublicPostmortem } from "@/lib/public-draft";
import { approvalProblem } from "@/lib/review-rules";
import { publishCustomerPostmortem } from "@/publisher/apply.mjs";
import { renderDocument } from "@/publisher/markdown.mjs";
import { postmortemPage } from "@/publisher/pages.mjs";
import { readState } from "@/publisher/site.mjs";
import type { SiteState } from "@/publisher/state.mjs";
import { publishFromApp } from "./publish";
import { reviewPolicy } from "./review-policy";
import { siteDir } from "./site-config";

function pageState(): SiteState {
  return readState(siteDir());
}

function hostOf(url: string | null | undefined): string[] {
  try {
    return url ? [new URL(url).hostname] : [];
  } catch {
    return [];
  }
}

/** Who and what must not be named to customers: every account, every service that is not a public component. */
export function disclosureContext(db: Database, state: SiteState): DisclosureContext {
  return {
    people: listUsers(db).map((u) => ({ name: u.name, email: u.email })),
    services: getCatalog(db).services.map((s) => ({ slug: s.slug, name: s.name, public: s.public })),
    allowedHosts: hostOf(state.page.url),
  };
}

export interface CheckedFinding extends Finding { acceptedBy: string | null }

/** The findings in a text, each with who accepted it (null: still to fix or accept). */
export function checkPublicText(db: Database, slug: string, body: string, state = pageState()): CheckedFinding[] {
  const accepted = new Map(listAcceptances(db, slug).map((a) => [a.key, a.acceptedBy]));
  return checkDisclosure(body, disclosureContext(db, state)).map((f) => ({ ...f, acceptedBy: accepted.get(f.key) ?? null }));
}

/** The first draft, generated from the internal postmortem; nothing is saved until a person saves it. */
export function generateDraft(slug: string, publicItems: number[]): { title: string; body: string } {
  const db = getDb();
  const pm = getIncident(db, slug);
  if (!pm) throw new SaveError(404, [`slug: no incident called "${slug}"`]);
  const state = pageState();
  const publicServices = getCatalog(db).services.filter((s) => s.public).map((s) => ({ slug: s.slug, name: s.name }));
  return { title: pm.title, body: draftPublicPostmortem({ pm, publicServices, pageZone: state.page.time_zone, publicItems }) };
}

/** The exact page customers will get: the site's own layout and the site's own Markdown. */
export function renderPublicPage(title: string, body: string, state = pageState()): string {
  return postmortemPage(state, title, renderDocument(body));
}

export function savePublic(user: User, slug: string, input: { title: string; body: string }, baseVersion: number) {
  return savePublicVersion(getDb(), slug, input, baseVersion, user.email);
}

export function acceptPublicFinding(user: User, slug: string, key: string) {
  const db = getDb();
  const pub = getPublicVersion(db, slug);
  const finding = pub && checkPublicText(db, slug, pub.body).find((f) => f.key === key);
  if (!finding) throw new SaveError(400, ["finding: no such finding in the saved public text; save it and check again"]);
  acceptFinding(db, slug, finding, user.email);
}

/** Approvals the settings require, from reviewers who are not the authors; null when there are enough. */
export function reviewGate(db: Database, slug: string, what: string): string | null {
  return approvalProblem(listReviewRequests(db, slug), postmortemAuthors(db, slug), reviewPolicy(db), what);
}

/** Everything that stops the saved public version going out, each naming what is missing. */
/** `findings`: the saved text's findings when the caller has them already (the check is the costly part). */
export function publishBlockers(db: Database, slug: string, version: number, state = pageState(), findings?: CheckedFinding[]): string[] {
  const pub = getPublicVersion(db, slug);
  if (!pub || !pub.body.trim()) return ["body: the public postmortem is empty; generate a draft, edit it and save it first"];
  const problems: string[] = [];
  if (pub.version !== version) problems.push(`version: the public version changed since you previewed it (now version ${pub.version}); preview it again`);
  const open = openFindings(findings ?? checkPublicText(db, slug, pub.body, state), listAcceptances(db, slug).map((a) => a.key));
  const words = [...new Set(open.map((f) => `"${f.text}"`))];
  if (open.length) problems.push(`disclosure: ${open.length} finding${open.length === 1 ? "" : "s"} to fix or accept: ${words.join(", ")}`);
  const gate = reviewGate(db, slug, "publishing the public postmortem");
  if (gate) problems.push(gate);
  return problems;
}

export class PublishBlocked extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join("; "));
  }
}

/** The status incidents this postmortem can be published on: the ones linked to it, else any resolved one. */
export function statusIncidentChoices(db: Database, slug: string, state = pageState()) {
  const linked = new Set(statusIncidentFor(db, slug));
  const resolved = state.incidents.filter((i) => (i.kind ?? "incident") !== "maintenance" && (i.status === "resolved" || i.status === "postmortem"));
  const mine = resolved.filter((i) => linked.has(i.id));
  return (mine.length ? mine : resolved).map((i) => ({ id: i.id, name: i.name, linked: linked.has(i.id) }));
}

/**
 * Publishes the saved public version through the one status path: the page, `postmortem` with
 * `postmortem_body`, a feed entry, and (if asked) a notice to subscribers of the affected components.
 */
export async function publishPublic(user: User, slug: string, input: { version: number; statusIncident: string; notify: boolean }) {
  const db = getDb();
  const state = pageState();
  const blockers = publishBlockers(db, slug, input.version, state);
  if (blockers.length) throw new PublishBlocked(blockers);
  const pub = getPublicVersion(db, slug)!;
  const html = renderPublicPage(pub.title, pub.body, state);
  const link = state.page.url ? `${state.page.url.replace(/\/$/, "")}/postmortems/${slug}.html` : null;
  const note = link ? `We have published a postmortem of this incident: [what happened and what we are changing](${link}).` : "We have published a postmortem of this incident; it is linked from this page.";
  const result = await publishFromApp(user, (s, ctx, find) => {
    const incident = find(input.statusIncident);
    if (!incident) throw new SaveError(400, [`statusIncident: no status incident "${input.statusIncident}"`]);
    return publishCustomerPostmortem(s, incident, { slug, html, body: pub.body, note }, ctx);
  }, { linkTo: slug, kind: "postmortem", extra: input.notify ? {} : { quiet: true } });
  markPublicPublished(db, slug, pub.version, user.email, input.statusIncident);
  return result;
}

/** Everything the public-version page and its JSON show. */
export function publicPostmortemView(db: Database, slug: string) {
  const state = pageState();
  const pub = getPublicVersion(db, slug);
  const findings = pub ? checkPublicText(db, slug, pub.body, state) : [];
  return {
    public: pub,
    revisions: listPublicRevisions(db, slug).map(({ version, author, at }) => ({ version, author, at })),
    findings,
    blockers: pub ? publishBlockers(db, slug, pub.version, state, findings) : ["body: there is no public version yet; generate a draft, edit it and save it"],
    statusIncidents: statusIncidentChoices(db, slug, state),
    pageZone: state.page.time_zone,
  };
}
