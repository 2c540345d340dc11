"use client";
import { useState } from "react";
import { ClientForm } from "../ClientForm";

/** Publishing asks once more, naming where it goes, before anything reaches customers. */
export function PublishPublicForm({ slug, version, ready, incidents }: { slug: string; version: number; ready: boolean; incidents: { id: string; name: string; linked: boolean }[] }) {
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (!incidents.length) return <p className="muted">There is no resolved status incident to publish it on yet.</p>;
  return (
    <ClientForm aria-label="Publish the customer version" onSubmit={async (e) => {
      e.preventDefault();
      if (!confirming) return setConfirming(true);
      const f = new FormData(e.currentTarget);
      const res = await fetch(`/api/incidents/${encodeURIComponent(slug)}/public/publish`, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ version, statusIncident: f.get("incident"), notify: f.get("notify") === "on" }) });
      setConfirming(false);
      if (res.ok) {
        setDone("Published: the status page now shows the postmortem.");
        window.location.reload();
      } else setError(((await res.json()).problems ?? ["failed"]).join("; "));
    }}>
      <div className="row-fields">
        <label><span>Status incident</span><select name="incident">{incidents.map((i) => <option key={i.id} value={i.id}>{i.name}{i.linked ? " (linked)" : ""}</option>)}</select></label>
        <label className="check wide"><input type="checkbox" name="notify" /> <span>Notify subscribers of the affected components</span></label>
      </div>
      {confirming
        ? <p role="alert">Publish version {version} to the public status page? Customers will see it at once. <button type="submit">Yes, publish</button> <button type="button" className="secondary" onClick={() => setConfirming(false)}>Cancel</button></p>
        : <button type="submit" disabled={!ready}>Publish customer version</button>}
      {error && <p className="error" role="alert">{error}</p>}
      {done && <p role="status">{done}</p>}
    </ClientForm>
  );
}
