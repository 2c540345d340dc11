import "server-only";
import type { Database } from "better-sqlite3";
import { getIncident, type StoredPostmortem } from "@/db/incidents";
import { listUsers } from "@/db/users";
import { formatInZone } from "@/lib/time/zone";
import { listComments, listReviewRequests, postmortemAuthors } from "@/db/review-requests";
import { countingApprovals, reviewDue, reviewOverdue } from "@/lib/review-rules";
import { reviewGate } from "./public-postmortem";
import { reviewPolicy } from "./review-policy";

/** The review of one postmortem as its page shows it: who was asked, what they decided, the threads, what is missing. */
export function reviewView(db: Database, slug: string) {
  const pm = getIncident(db, slug);
  const requests = listReviewRequests(db, slug);
  const authors = postmortemAuthors(db, slug);
  const policy = reviewPolicy(db);
  const comments = listComments(db, slug);
  const createdAt = (db.prepare("SELECT created_at FROM incidents WHERE slug = ?").pluck().get(slug) as string | undefined) ?? new Date().toISOString();
  const threads = comments.filter((c) => c.parentId === null).map((t) => ({ ...t, replies: comments.filter((c) => c.parentId === t.id) }));
  return {
    requests,
    authors,
    requiredApprovals: policy.requiredApprovals,
    approvals: countingApprovals(requests, authors).length,
    gate: reviewGate(db, slug, "publishing"),
    threads,
    due: pm ? reviewDue(pm, createdAt, policy) : null,
    overdue: pm ? reviewOverdue(pm, createdAt, policy, new Date().toISOString()) : false,
  };
}

const SECTIONS = [["summary", "Summary"], ["impact", "Impact"], ["causes", "Causes"], ["resolution", "Resolution"], ["detection", "Detection"],
  ["action_items", "Action items"], ["lessons", "Lessons"], ["timeline", "Timeline"], ["supporting", "Supporting information"]] as const;

/** What the review panel of an incident page needs, with what a comment can be about: a section, a timeline event, the customer version. */
export function reviewPanelData(db: Database, pm: StoredPostmortem, canRequest: boolean) {
  const anchors = [
    ...SECTIONS.map(([key, label]) => ({ value: `section:${key}`, label })),
    { value: "public", label: "Customer version" },
    ...pm.timeline.map((e) => ({ value: `event:${e.at}`, label: `Event ${formatInZone(e.at, pm.timeZone)}: ${e.text.slice(0, 60)}` })),
  ];
  const users = canRequest ? listUsers(db).filter((u) => !u.disabled_at).map((u) => ({ email: u.email, name: u.name })) : [];
  return { view: reviewView(db, pm.slug), anchors, users };
}
