import { test } from "node:test";
import assert from "node:assert/strict";
import { addBusinessDays, approvalProblem, DEFAULT_POLICY, requestProblem, reviewOverdue, type ReviewRequest } from "./review-rules";

const req = (reviewer: string, decision: ReviewRequest["decision"]): ReviewRequest =>
  ({ reviewer, requestedBy: "author@x", requestedAt: "2026-01-01T00:00:00.000Z", decision, decidedAt: null, version: 3 });

test("one approval that is not the author's is needed by default", () => {
  assert.match(approvalProblem([], ["author@x"], DEFAULT_POLICY, "publishing") ?? "", /needs 1 approval from a reviewer who is not the author \(has 0\)/);
  assert.match(approvalProblem([req("author@x", "approved")], ["author@x"], DEFAULT_POLICY, "publishing") ?? "", /has 0/);
  assert.equal(approvalProblem([req("bob@x", "approved")], ["author@x"], DEFAULT_POLICY, "publishing"), null);
  assert.match(approvalProblem([req("bob@x", "approved")], ["author@x"], { requiredApprovals: 2 }, "publishing") ?? "", /needs 2 approvals .*has 1/);
  assert.match(approvalProblem([req("bob@x", "approved"), req("carol@x", "changes_requested")], ["author@x"], DEFAULT_POLICY, "publishing") ?? "", /carol@x requested changes/);
  assert.equal(approvalProblem([], ["author@x"], { requiredApprovals: 0 }, "publishing"), null);
});

test("an author cannot ask themselves, nor someone without an account", () => {
  assert.match(requestProblem("Author@X", "author@x", true) ?? "", /cannot review your own/);
  assert.match(requestProblem("ghost@x", "author@x", false) ?? "", /has no account/);
  assert.equal(requestProblem("bob@x", "author@x", true), null);
});

test("deadlines count business days from resolution; published postmortems are never overdue", () => {
  // Wednesday 25 Nov 2020 + 3 business days = Monday 30 Nov.
  assert.equal(addBusinessDays("2020-11-25T10:00:00.000Z", 3), "2020-11-30T10:00:00.000Z");
  const pm = { severity: "SEV1" as const, milestones: { resolved: "2020-11-25T10:00:00.000Z" }, postmortemStatus: "draft" as const };
  assert.equal(reviewOverdue(pm, "2020-11-25T00:00:00.000Z", DEFAULT_POLICY, "2020-11-30T09:00:00.000Z"), false);
  assert.equal(reviewOverdue(pm, "2020-11-25T00:00:00.000Z", DEFAULT_POLICY, "2020-11-30T11:00:00.000Z"), true);
  assert.equal(reviewOverdue({ ...pm, severity: "SEV2" }, "2020-11-25T00:00:00.000Z", DEFAULT_POLICY, "2020-11-30T11:00:00.000Z"), false);
  assert.equal(reviewOverdue({ ...pm, postmortemStatus: "published" }, "2020-11-25T00:00:00.000Z", DEFAULT_POLICY, "2030-01-01T00:00:00.000Z"), false);
});
