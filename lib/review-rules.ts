import type { Postmortem } from "./model";

export const DECISIONS = ["approved", "changes_requested"] as const;
export type Decision = (typeof DECISIONS)[number];

export interface ReviewRequest {
  reviewer: string;
  requestedBy: string;
  requestedAt: string;
  decision: Decision | null;
  decidedAt: string | null;
  version: number | null;
}

export interface ReviewPolicy {
  /** Approvals needed, each from someone other than the postmortem's authors. */
  requiredApprovals: number;
  /** Business days from resolution by which review should be done, per severity. */
  deadlineDays: Record<Postmortem["severity"], number>;
}

export const DEFAULT_POLICY: ReviewPolicy = { requiredApprovals: 1, deadlineDays: { SEV1: 3, SEV2: 5, SEV3: 10, SEV4: 15 } };

/** Approvals that count: decided "approved", by a reviewer who is not one of the authors. */
export function countingApprovals(requests: ReviewRequest[], authors: string[]): ReviewRequest[] {
  const own = new Set(authors.map((a) => a.toLowerCase()));
  return requests.filter((r) => r.decision === "approved" && !own.has(r.reviewer.toLowerCase()));
}

/** Why `what` cannot go ahead for want of review, or null when it can. */
export function approvalProblem(requests: ReviewRequest[], authors: string[], policy: Pick<ReviewPolicy, "requiredApprovals">, what: string): string | null {
  const blocking = requests.filter((r) => r.decision === "changes_requested");
  if (blocking.length) return `review: ${blocking.map((r) => r.reviewer).join(", ")} requested changes; ${what} needs their approval first`;
  const have = countingApprovals(requests, authors).length;
  const need = policy.requiredApprovals;
  if (have >= need) return null;
  return `review: ${what} needs ${need} approval${need === 1 ? "" : "s"} from a reviewer who is not the author (has ${have}); request review from someone else`;
}

/** Why this reviewer cannot be asked, or null. */
export function requestProblem(reviewer: string, requester: string, isUser: boolean): string | null {
  if (reviewer.toLowerCase() === requester.toLowerCase()) return "reviewers: you cannot review your own postmortem; name someone else";
  if (!isUser) return `reviewers: "${reviewer}" has no account here`;
  return null;
}

/** `days` business days (Monday to Friday) after `fromIso`, same time of day. */
export function addBusinessDays(fromIso: string, days: number): string {
  const d = new Date(fromIso);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString();
}

/** When review of this postmortem is due: business days by severity, from resolution (or its creation when not resolved yet). */
export function reviewDue(pm: Pick<Postmortem, "severity" | "milestones">, createdAt: string, policy: Pick<ReviewPolicy, "deadlineDays">): string {
  return addBusinessDays(pm.milestones.resolved ?? createdAt, policy.deadlineDays[pm.severity]);
}

/** Overdue: past its due time and not yet published. */
export function reviewOverdue(pm: Pick<Postmortem, "severity" | "milestones" | "postmortemStatus">, createdAt: string, policy: Pick<ReviewPolicy, "deadlineDays">, now: string): boolean {
  return pm.postmortemStatus !== "published" && reviewDue(pm, createdAt, policy) < now;
}
