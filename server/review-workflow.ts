import "server-only";
import { getDb } from "@/db/connection";
import { getIncident, SaveError } from "@/db/incidents";
import { addComment, listComments, listReviewRequests, recordDecision, requestReviewers, resolveThread } from "@/db/review-requests";
import { listUsers, type User } from "@/db/users";
import { ROLES, type Role } from "@/lib/model";
import type { Decision } from "@/lib/review-rules";
import { requestProblem } from "@/lib/review-rules";

const hasRole = (user: User, role: Role) => ROLES.indexOf(user.role) >= ROLES.indexOf(role);

function need(slug: string) {
  const pm = getIncident(getDb(), slug);
  if (!pm) throw new SaveError(404, [`slug: no incident called "${slug}"`]);
  return pm;
}

/** Asks named people to review; never the one asking. */
export function requestReview(user: User, slug: string, reviewers: string[]): void {
  need(slug);
  const known = new Set(listUsers(getDb()).filter((u) => !u.disabled_at).map((u) => u.email.toLowerCase()));
  const problems = [...new Set(reviewers)].map((r) => requestProblem(r, user.email, known.has(r))).filter((p): p is string => !!p);
  if (problems.length) throw new SaveError(400, problems);
  requestReviewers(getDb(), slug, [...new Set(reviewers)], user.email);
}

/** A reviewer's decision, about the version they read. */
export function decide(user: User, slug: string, decision: Decision, version: number): void {
  const pm = need(slug);
  if (version !== pm.version) throw new SaveError(409, [`version: the postmortem changed since you read it (now version ${pm.version}); read it again before deciding`]);
  recordDecision(getDb(), slug, user.email, decision, version);
}

const isReviewer = (user: User, slug: string) => listReviewRequests(getDb(), slug).some((r) => r.reviewer.toLowerCase() === user.email.toLowerCase());

/** Reviewers who were asked and editors may comment; a viewer who was not asked may only read. */
export function comment(user: User, slug: string, input: { anchor: string; body: string; parentId: number | null }) {
  need(slug);
  if (!hasRole(user, "editor") && !isReviewer(user, slug)) throw new SaveError(400, ["auth: only reviewers who were asked and editors can comment"]);
  return addComment(getDb(), slug, input, user.email);
}

/** Resolving a thread is for its author, the reviewers and editors. */
export function resolve(user: User, slug: string, threadId: number, resolved: boolean): void {
  need(slug);
  const thread = listComments(getDb(), slug).find((c) => c.id === threadId);
  if (thread && !hasRole(user, "editor") && !isReviewer(user, slug) && thread.author !== user.email) {
    throw new SaveError(400, ["auth: only the thread's author, reviewers and editors can resolve it"]);
  }
  resolveThread(getDb(), slug, threadId, resolved ? user.email : null);
}
