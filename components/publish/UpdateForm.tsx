"use client";
import { ClientForm } from "../ClientForm";
import { useState } from "react";
import { ComponentPicker, type ComponentInfo } from "./ComponentPicker";

type Mode = { kind: "start"; postmortems: { slug: string; title: string }[] } | { kind: "update"; id: string; status: string };

async function post(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error((json.problems ?? [json.error]).join("; "));
  return json;
}

/** Start an incident or post an update: write, preview exactly what goes out, then publish. */
export function UpdateForm({ mode, components }: { mode: Mode; components: ComponentInfo[] }) {
  const [name, setName] = useState("");
  const [status, setStatus] = useState(mode.kind === "update" ? mode.status : "investigating");
  const [impact, setImpact] = useState("");
  const [body, setBody] = useState("");
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [postmortem, setPostmortem] = useState("");
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = {
    status, body, ...(Object.keys(changes).length ? { components: changes } : {}),
    ...(mode.kind === "start" ? { name, ...(impact ? { impact } : {}), ...(postmortem ? { postmortem } : {}) } : {}),
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try { await fn(); } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  };
  const label = mode.kind === "start" ? "Start incident" : status === "resolved" ? "Resolve" : "Post update";
  return (
    <ClientForm className="publish-form" aria-label={mode.kind === "start" ? "Start an incident" : "Post an update"} onSubmit={(e) => {
      e.preventDefault();
      run(async () => {
        await post(mode.kind === "start" ? "/api/status/incidents" : `/api/status/incidents/${mode.id}/updates`, input);
        window.location.reload();
      });
    }}>
      {mode.kind === "start" && <label><span>Title customers will see</span><input value={name} onChange={(e) => setName(e.target.value)} required /></label>}
      <div className="row-fields">
        <label><span>Status</span><select value={status} onChange={(e) => setStatus(e.target.value)}>
          {["investigating", "identified", "monitoring", "resolved"].map((s) => <option key={s}>{s}</option>)}</select></label>
        {mode.kind === "start" && <label><span>Impact</span><select value={impact} onChange={(e) => setImpact(e.target.value)}>
          <option value="">from the components</option>{["none", "minor", "major", "critical"].map((s) => <option key={s}>{s}</option>)}</select></label>}
        {mode.kind === "start" && <label><span>Postmortem</span><select value={postmortem} onChange={(e) => setPostmortem(e.target.value)}>
          <option value="">a new draft</option>{mode.postmortems.map((p) => <option key={p.slug} value={p.slug}>{p.title}</option>)}</select></label>}
      </div>
      <label><span>Message (Markdown: **bold**, lists, links)</span><textarea rows={4} value={body} onChange={(e) => setBody(e.target.value)} required /></label>
      <ComponentPicker components={components} value={changes} onChange={setChanges} />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row-actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => run(async () => {
          const r = await post("/api/status/preview", mode.kind === "start" ? { action: "start", ...input } : { action: "update", id: mode.id, ...input });
          setPreview(r.incident ?? r.index);
        })}>Preview</button>
        <button type="submit" disabled={busy}>{label}</button>
      </div>
      {preview && <iframe className="preview-frame" title="Preview of the public page" sandbox="" srcDoc={preview} />}
    </ClientForm>
  );
}
