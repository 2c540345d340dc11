"use client";
import { ClientForm } from "../ClientForm";
import { useState } from "react";

/** Once a postmortem is published in the workbench, put it on the status site and link it from the incident. */
export function LinkPostmortemForm({ incidents, postmortems }: { incidents: { id: string; name: string }[]; postmortems: { slug: string; title: string }[] }) {
  const [error, setError] = useState<string | null>(null);
  if (!incidents.length || !postmortems.length) return <p className="muted">Nothing to link: it needs a resolved incident and a published postmortem.</p>;
  return (
    <ClientForm className="row-fields" aria-label="Link a postmortem" onSubmit={async (e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const res = await fetch(`/api/status/incidents/${f.get("incident")}/postmortem`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ postmortem: f.get("postmortem") }) });
      if (res.ok) window.location.reload();
      else setError(((await res.json()).problems ?? ["failed"]).join("; "));
    }}>
      <label><span>Resolved incident</span><select name="incident">{incidents.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}</select></label>
      <label><span>Published postmortem</span><select name="postmortem">{postmortems.map((p) => <option key={p.slug} value={p.slug}>{p.title}</option>)}</select></label>
      <button type="submit">Publish and link</button>
      {error && <p className="error" role="alert">{error}</p>}
    </ClientForm>
  );
}
