import { test } from "node:test";
import assert from "node:assert/strict";
import { SaveError } from "./incidents";
import { acceptFinding, getPublicVersion, listAcceptances, listPublicRevisions, savePublicVersion } from "./public-postmortems";
import { addComment, listComments, listReviewRequests, postmortemAuthors, recordDecision, requestReviewers, resolveThread } from "./review-requests";
import { freshDb } from "../server/fresh-data-dir.helper";

const slug = "kinesis-2020-11-25";

test("the public version keeps its own revisions and refuses a save based on an old version", () => {
  const db = freshDb("public");
  assert.equal(getPublicVersion(db, slug), null);
  savePublicVersion(db, slug, { title: "Kinesis", body: "first" }, 0, "a@x");
  savePublicVersion(db, slug, { title: "Kinesis", body: "second" }, 1, "b@x");
  assert.throws(() => savePublicVersion(db, slug, { title: "Kinesis", body: "stale" }, 1, "c@x"), (e) => e instanceof SaveError && e.status === 409);
  assert.equal(getPublicVersion(db, slug)?.body, "second");
  assert.deepEqual(listPublicRevisions(db, slug).map((r) => [r.version, r.body, r.author]), [[2, "second", "b@x"], [1, "first", "a@x"]]);
  assert.throws(() => savePublicVersion(db, "nope", { title: "t", body: "b" }, 0, "a@x"), (e) => e instanceof SaveError && e.status === 404);
  acceptFinding(db, slug, { key: "host:db01.corp", kind: "host", text: "db01.corp" }, "b@x");
  assert.deepEqual(listAcceptances(db, slug).map((a) => [a.key, a.acceptedBy]), [["host:db01.corp", "b@x"]]);
});

test("reviewers decide once asked; asking again clears the decision; threads resolve", () => {
  const db = freshDb("public");
  assert.throws(() => recordDecision(db, slug, "bob@x", "approved", 1), /not asked to review/);
  requestReviewers(db, slug, ["bob@x", "carol@x"], "alice@x");
  recordDecision(db, slug, "bob@x", "approved", 4);
  recordDecision(db, slug, "carol@x", "changes_requested", 4);
  assert.deepEqual(listReviewRequests(db, slug).map((r) => [r.reviewer, r.decision]), [["bob@x", "approved"], ["carol@x", "changes_requested"]]);
  requestReviewers(db, slug, ["carol@x"], "alice@x");
  assert.equal(listReviewRequests(db, slug).find((r) => r.reviewer === "carol@x")?.decision, null);
  assert.ok(postmortemAuthors(db, slug).includes("alice@x"));
  const root = addComment(db, slug, { anchor: "section:summary", body: "Say when it started." }, "bob@x");
  const reply = addComment(db, slug, { anchor: "ignored", body: "Done.", parentId: root.id }, "alice@x");
  assert.equal(reply.anchor, "section:summary", "a reply joins its thread's anchor");
  assert.throws(() => addComment(db, slug, { anchor: "x", body: "y", parentId: reply.id }, "bob@x"), /reply to the first comment/);
  resolveThread(db, slug, root.id, "alice@x");
  assert.equal(listComments(db, slug)[0].resolvedBy, "alice@x");
  assert.throws(() => resolveThread(db, slug, reply.id, "alice@x"), /no comment thread/);
});
