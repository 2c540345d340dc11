"use client";
import { ClientForm } from "./ClientForm";
import { useState } from "react";
import { SEVERITIES } from "@/lib/model";
import { slugify } from "@/lib/slug";


/** The few fields needed to start; everything else is written in the editor. */
export function NewIncidentForm({ defaultZone }: { defaultZone: string }) {
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [problems, setProblems] = useState<string[]>([]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      title, slug: slug || slugify(title), severity: form.get("severity"), status: form.get("status"),
      timeZone: form.get("timeZone"),
    };
    const res = await fetch("/api/incidents", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json();
    if (res.ok) window.location.assign(`/incidents/${json.slug}/edit`);
    else setProblems(json.problems ?? [json.error]);
  }

  return (
    <ClientForm className="form" onSubmit={submit}>
      <label>Title<input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus /></label>
      <label>Slug<input value={slug} placeholder={title ? slugify(title) : "auto from the title"} onChange={(e) => setSlug(e.target.value)} /></label>
      <label>Severity<select name="severity" defaultValue="SEV2">{SEVERITIES.map((s) => <option key={s}>{s}</option>)}</select></label>
      <label>Incident status
        <select name="status" defaultValue="resolved">
          {["investigating", "identified", "monitoring", "resolved"].map((s) => <option key={s}>{s}</option>)}
        </select>
      </label>
      <label>Time zone<input name="timeZone" defaultValue={defaultZone} required /></label>
      {problems.length > 0 && <div className="error" role="alert"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      <button type="submit">Create and start writing</button>
    </ClientForm>
  );
}
