"use client";
import { useRef, useState } from "react";
import { FINDING_LABELS, type Finding } from "@/lib/disclosure";
import { ClientForm } from "../ClientForm";
import { FindingsList } from "./FindingsList";

type Draft = { title: string; body: string; version: number };

/**
 * The customer text: generated from the internal postmortem, then edited and saved as revisions of its
 * own. Findings are of the saved text; each can be shown in place (selected in the editor) or accepted.
 */
export function PublicVersionEditor({ slug, canEdit, initial, findings, actionItems }: {
  slug: string; canEdit: boolean; initial: Draft | null; findings: (Finding & { acceptedBy: string | null })[];
  actionItems: { title: string; type: string }[];
}) {
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const api = `/api/incidents/${encodeURIComponent(slug)}/public`;
  const fail = async (res: Response) => setError(((await res.json()).problems ?? ["failed"]).join("; "));

  async function generate(form: HTMLFormElement) {
    const items = new FormData(form).getAll("item").map(Number);
    const res = await fetch(`${api}/draft`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ actionItems: items }) });
    if (!res.ok) return fail(res);
    const draft = await res.json();
    setTitle(draft.title);
    setBody(draft.body);
    setDirty(true);
    setError(null);
  }

  function show(f: Finding) {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  }

  return (
    <>
      {canEdit && (
        <section className="panel" aria-labelledby="generate-h">
          <h2 id="generate-h">{initial ? "Generate again" : "Start from the internal postmortem"}</h2>
          <ClientForm aria-label="Generate the customer draft" onSubmit={(e) => { e.preventDefault(); void generate(e.currentTarget); }}>
            {actionItems.length > 0 && (
              <fieldset className="public-items">
                <legend>Action items to tell customers about (titles only: no owners, status or trackers)</legend>
                {actionItems.map((a, i) => (
                  <label key={i} className="check"><input type="checkbox" name="item" value={i} defaultChecked={a.type === "prevent"} /> <span>{a.title}</span></label>
                ))}
              </fieldset>
            )}
            <button type="submit" className="secondary">Generate draft</button>
            {initial && <span className="muted"> Replaces the text below in the editor; nothing is saved until you save.</span>}
          </ClientForm>
        </section>
      )}
      <section className="panel" aria-labelledby="text-h">
        <h2 id="text-h">Public text</h2>
        <ClientForm aria-label="Customer version" onSubmit={async (e) => {
          e.preventDefault();
          const res = await fetch(api, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ title, body, version: initial?.version ?? 0 }) });
          if (res.ok) window.location.reload();
          else await fail(res);
        }}>
          <div className="md-field public-text">
            <label><span>Public title</span><input name="title" value={title} readOnly={!canEdit} onChange={(e) => { setTitle(e.target.value); setDirty(true); }} /></label>
            <label><span>Text customers will read (Markdown: headings, lists, tables, links)</span>
              <textarea ref={area} name="body" rows={18} value={body} readOnly={!canEdit} onChange={(e) => { setBody(e.target.value); setDirty(true); }} /></label>
          </div>
          {canEdit && <p className="actions"><button type="submit" disabled={!dirty}>Save customer version</button>{dirty && <span className="muted"> Unsaved changes: findings and preview are of the saved version.</span>}</p>}
          {error && <p className="error" role="alert">{error}</p>}
        </ClientForm>
      </section>
      <section className="panel" aria-labelledby="findings-h">
        <h2 id="findings-h">Disclosure check</h2>
        {!initial ? <p className="muted">Save a version to check it.</p>
          : <FindingsList slug={slug} findings={findings} canAccept={canEdit} labels={FINDING_LABELS} onShow={show} />}
      </section>
    </>
  );
}
