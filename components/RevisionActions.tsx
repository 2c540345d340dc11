"use client";
import { useHydrated } from "./ClientForm";
import { useState } from "react";

/** Restoring makes a new revision from an old one; it carries the current version so it cannot overwrite a newer save. */
export function RestoreButton({ slug, restore, current }: { slug: string; restore: number; current: number }) {
  const [error, setError] = useState<string | null>(null);
  async function run() {
    const res = await fetch(`/api/incidents/${encodeURIComponent(slug)}/restore`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ restore, version: current }),
    });
    if (res.ok) window.location.assign(`/incidents/${slug}/history`);
    else setError(((await res.json()).problems ?? ["restore failed"]).join("; "));
  }
  return (
    <>
      <button type="button" className="secondary small" onClick={run} disabled={!useHydrated()}>Restore version {restore}</button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </>
  );
}

const NEXT: Record<string, [string, string][]> = {
  draft: [["in_review", "Submit for review"]],
  in_review: [["published", "Publish postmortem"], ["draft", "Back to draft"]],
  published: [["draft", "Reopen as draft"]],
};

export function ReviewButtons({ slug, status, version }: { slug: string; status: string; version: number }) {
  const [error, setError] = useState<string | null>(null);
  async function move(to: string) {
    const res = await fetch(`/api/incidents/${encodeURIComponent(slug)}/review`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to, version }),
    });
    if (res.ok) window.location.reload();
    else setError(((await res.json()).problems ?? ["failed"]).join("; "));
  }
  const hydrated = useHydrated();
  return (
    <span className="review-buttons">
      {(NEXT[status] ?? []).map(([to, label]) => <button key={to} type="button" className="small" disabled={!hydrated} onClick={() => move(to)}>{label}</button>)}
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}
