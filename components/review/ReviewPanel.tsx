"use client";
import { useState } from "react";
import { ClientForm, useHydrated } from "../ClientForm";
import type { ReviewRequest } from "@/lib/review-rules";

type Comment = { id: number; anchor: string; author: string; body: string; at: string; resolvedBy: string | null };
type Thread = Comment & { replies: Comment[] };
export type ReviewPanelView = {
  requests: ReviewRequest[]; requiredApprovals: number; approvals: number; gate: string | null; threads: Thread[]; due: string | null; overdue: boolean;
};

const DECISION_WORDS = { approved: "approved", changes_requested: "requested changes" } as const;
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * Review of one postmortem: who was asked and what they decided, comment threads on sections and
 * timeline events, and the reviewer's own approve / request-changes buttons.
 */
export function ReviewPanel({ slug, me, version, canRequest, view, anchors, users }: {
  slug: string; me: string; version: number; canRequest: boolean; view: ReviewPanelView;
  anchors: { value: string; label: string }[]; users: { email: string; name: string }[];
}) {
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const base = `/api/incidents/${encodeURIComponent(slug)}`;
  async function send(path: string, method: string, body: unknown) {
    const res = await fetch(`${base}/${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.ok) window.location.reload();
    else setError(((await res.json()).problems ?? ["failed"]).join("; "));
  }
  const mine = view.requests.find((r) => r.reviewer.toLowerCase() === me.toLowerCase());
  const label = (anchor: string) => anchors.find((a) => a.value === anchor)?.label ?? anchor;
  return (
    <section className="panel" aria-labelledby="review-h">
      <h2 id="review-h">Review</h2>
      <p>
        {view.approvals} of {view.requiredApprovals} required approval{view.requiredApprovals === 1 ? "" : "s"} (the author&apos;s own never counts).{" "}
        {view.due && <span className={view.overdue ? "badge major" : "muted"}>{view.overdue ? "Review overdue" : "Review due"}: {when(view.due)}</span>}
      </p>
      {view.requests.length > 0 ? (
        <ul className="list" aria-label="Reviewers">
          {view.requests.map((r) => <li key={r.reviewer}>{r.reviewer}: {r.decision ? `${DECISION_WORDS[r.decision]} (version ${r.version})` : "asked, not decided yet"}</li>)}
        </ul>
      ) : <p className="muted">Nobody has been asked to review yet.</p>}
      {mine && (
        <p className="actions">
          <button type="button" disabled={!hydrated} onClick={() => send("decision", "POST", { decision: "approved", version })}>Approve</button>
          <button type="button" className="secondary" disabled={!hydrated} onClick={() => send("decision", "POST", { decision: "changes_requested", version })}>Request changes</button>
        </p>
      )}
      {canRequest && (
        <ClientForm className="row-fields" aria-label="Request review" onSubmit={(e) => {
          e.preventDefault();
          const reviewers = String(new FormData(e.currentTarget).get("reviewer") ?? "").split(/[\s,]+/).filter(Boolean);
          void send("reviewers", "POST", { reviewers });
        }}>
          <label><span>Reviewer</span>
            <input name="reviewer" list="reviewer-choices" placeholder="email of someone else" autoComplete="off" />
            <datalist id="reviewer-choices">{users.filter((u) => u.email !== me).map((u) => <option key={u.email} value={u.email}>{u.name}</option>)}</datalist>
          </label>
          <button type="submit">Request review</button>
        </ClientForm>
      )}
      <h3>Comments</h3>
      {view.threads.length ? (
        <ol className="review-threads">
          {view.threads.map((t) => (
            <li key={t.id} className={t.resolvedBy ? "resolved" : ""} aria-label={`Thread on ${label(t.anchor)}`}>
              <p className="muted">On {label(t.anchor)} · {t.resolvedBy ? `resolved by ${t.resolvedBy}` : "open"}</p>
              {[t, ...t.replies].map((c) => <div key={c.id}><strong>{c.author}</strong> <span className="muted">{when(c.at)}</span><blockquote>{c.body}</blockquote></div>)}
              <ClientForm className="row-fields" aria-label={`Reply on ${label(t.anchor)}`} onSubmit={(e) => {
                e.preventDefault();
                void send("comments", "POST", { anchor: t.anchor, body: new FormData(e.currentTarget).get("body"), parentId: t.id });
              }}>
                <label className="wide"><span>Reply</span><textarea name="body" rows={2} /></label>
                <span className="actions">
                  <button type="submit" className="secondary small">Reply</button>
                  <button type="button" className="secondary small" onClick={() => send(`comments/${t.id}`, "PATCH", { resolved: !t.resolvedBy })}>{t.resolvedBy ? "Reopen" : "Resolve"}</button>
                </span>
              </ClientForm>
            </li>
          ))}
        </ol>
      ) : <p className="muted">No comments yet.</p>}
      <ClientForm className="row-fields" aria-label="Add a comment" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        void send("comments", "POST", { anchor: f.get("anchor"), body: f.get("body"), parentId: null });
      }}>
        <label><span>About</span><select name="anchor">{anchors.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}</select></label>
        <label className="wide"><span>Comment</span><textarea name="body" rows={3} /></label>
        <button type="submit">Comment</button>
      </ClientForm>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
