"use client";
import { ClientForm } from "./ClientForm";
import { useState } from "react";

type Result = { incident: { slug: string; title: string }; unmapped: string[]; notes: string[] };

/** Paste or upload a postmortem in Markdown; the result says what it could not map and what it assumed. */
export function ImportForm() {
  const [text, setText] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setProblems([]);
    const res = await fetch("/api/incidents/import", { method: "POST", headers: { "content-type": "text/markdown" }, body: text });
    const json = await res.json();
    if (res.ok) setResult(json);
    else setProblems(json.problems ?? [json.error]);
  }

  if (result) {
    return (
      <div role="status">
        <p>Imported <a href={`/incidents/${result.incident.slug}`}>{result.incident.title}</a> as a draft.{" "}
          <a href={`/incidents/${result.incident.slug}/edit`}>Continue in the editor</a></p>
        {result.unmapped.length > 0 && <><h2>Kept under Supporting information (not mapped)</h2><ul>{result.unmapped.map((u) => <li key={u}>{u}</li>)}</ul></>}
        {result.notes.length > 0 && <><h2>Please check</h2><ul>{result.notes.map((n) => <li key={n}>{n}</li>)}</ul></>}
      </div>
    );
  }
  return (
    <ClientForm className="form wide-form" onSubmit={submit}>
      <label>Markdown file
        <input type="file" accept=".md,.markdown,.txt,text/markdown,text/plain"
          onChange={async (e) => { const f = e.target.files?.[0]; if (f) setText(await f.text()); }} />
      </label>
      <label>Or paste it here<textarea rows={16} value={text} onChange={(e) => setText(e.target.value)} required /></label>
      {problems.length > 0 && <div className="error" role="alert"><p>Not imported:</p><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      <button type="submit">Import</button>
    </ClientForm>
  );
}
