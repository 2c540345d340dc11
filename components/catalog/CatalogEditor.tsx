"use client";
import { UntilHydrated } from "../ClientForm";
import { useState } from "react";
import type { Catalog, Service } from "@/lib/catalog";
import { ServiceEditor } from "./ServiceEditor";

type Answer = { ok: true; catalog: Catalog; changes: string[] } | { ok: false; problems: string[] };

async function put(body: string, preview: boolean): Promise<Answer> {
  const res = await fetch(`/api/services${preview ? "?preview=1" : ""}`, { method: "PUT", headers: { "content-type": "application/json" }, body });
  const json = await res.json();
  return res.ok ? { ok: true, catalog: json, changes: json.statusPageChanges ?? [] } : { ok: false, problems: json.problems ?? [json.error] };
}

/** Edit the catalog as a form, or replace it from JSON; either way the server validates the whole of it. */
export function CatalogEditor({ initial }: { initial: Catalog }) {
  const [catalog, setCatalog] = useState(initial);
  const [json, setJson] = useState("");
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const slugs = catalog.services.map((s) => s.slug);
  const [pending, setPending] = useState<{ body: string; changes: string[] } | null>(null);
  // Status page changes are shown first and published only once confirmed; a catalog without any is saved at once.
  const save = async (body: string) => {
    const check = await put(body, true);
    if (!check.ok) return setResult({ ok: false, lines: check.problems });
    if (check.changes.length) return setPending({ body, changes: check.changes });
    await commit(body);
  };
  const commit = async (body: string) => {
    setPending(null);
    const r = await put(body, false);
    if (r.ok) {
      setCatalog(r.catalog);
      setResult({ ok: true, lines: [`Saved: ${r.catalog.services.length} services.`] });
      window.location.reload();
    } else setResult({ ok: false, lines: r.problems });
  };
  const update = (i: number) => (s: Service) => setCatalog({ services: catalog.services.map((x, j) => (j === i ? s : x)) });
  return (
    <section className="panel" aria-labelledby="edit-catalog-h">
      <h2 id="edit-catalog-h">Change the catalog</h2>
      {result && <div className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}>
        {!result.ok && <p>Nothing was changed:</p>}<ul>{result.lines.map((l) => <li key={l}>{l}</li>)}</ul></div>}
      {pending && <div className="notice" role="status" aria-labelledby="page-changes-h">
        <h3 id="page-changes-h">Saving also changes the public status page</h3>
        <ul>{pending.changes.map((l) => <li key={l}>{l}</li>)}</ul>
        <div className="row-actions">
          <button type="button" onClick={() => commit(pending.body)}>Save and publish</button>
          <button type="button" className="secondary" onClick={() => setPending(null)}>Cancel</button>
        </div>
      </div>}
      <UntilHydrated>
      <details>
        <summary>Edit services and dependencies</summary>
        {catalog.services.map((s, i) => (
          <ServiceEditor key={i} service={s} slugs={slugs} onChange={update(i)}
            onRemove={() => setCatalog({ services: catalog.services.filter((_, j) => j !== i) })} />
        ))}
        <div className="row-actions">
          <button type="button" className="secondary" onClick={() => setCatalog({ services: [...catalog.services,
            { slug: "", name: "", description: "", public: false, group: "", statusPath: false, dependsOn: [] }] })}>Add service</button>
          <button type="button" onClick={() => save(JSON.stringify(catalog))}>Save catalog</button>
        </div>
      </details>
      <details>
        <summary>Import from JSON</summary>
        <p className="muted">The format of <code>content/services.json</code>. The whole catalog is replaced only if every entry is valid.</p>
        <label><span>Catalog file</span><input type="file" accept=".json,application/json" onChange={async (e) => { const f = e.target.files?.[0]; if (f) setJson(await f.text()); }} /></label>
        <label><span>Or paste JSON</span><textarea rows={8} value={json} onChange={(e) => setJson(e.target.value)} /></label>
        <button type="button" onClick={() => save(json)} disabled={!json.trim()}>Import catalog</button>
      </details>
      </UntilHydrated>
    </section>
  );
}
