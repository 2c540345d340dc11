import "server-only";
import type { Database } from "better-sqlite3";
import { getSetting, setSetting } from "@/db/settings";
import { DEFAULT_POLICY, type ReviewPolicy } from "@/lib/review-rules";

const KEY = "review.policy";

/** The review rules an admin set, or the defaults (one approval not the author's; SEV1 in 3 business days…). */
export function reviewPolicy(db: Database): ReviewPolicy {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_POLICY;
  try {
    const saved = JSON.parse(raw) as Partial<ReviewPolicy>;
    return { requiredApprovals: saved.requiredApprovals ?? DEFAULT_POLICY.requiredApprovals, deadlineDays: { ...DEFAULT_POLICY.deadlineDays, ...saved.deadlineDays } };
  } catch {
    return DEFAULT_POLICY;
  }
}

export function saveReviewPolicy(db: Database, policy: ReviewPolicy): void {
  setSetting(db, KEY, JSON.stringify(policy));
}
