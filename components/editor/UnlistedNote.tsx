"use client";
import { useState } from "react";
import { useCatalogAdder } from "./catalog-context";

const titleCase = (slug: string) => slug.split("-").map((w) => (w.length <= 3 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join(" ");

/** Says a service is not in the catalog yet (the draft keeps it) and adds it there in one step, with a name and group. */
export function UnlistedNote({ slugs }: { slugs: string[] }) {
  const adder = useCatalogAdder();
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [group, setGroup] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!slugs.length) return null;

  async function add(slug: string) {
    if (!adder) return;
    setBusy(true);
    const bad = await adder.add({ slug, name: name.trim() || titleCase(slug), group: group.trim() });
    setBusy(false);
    setProblem(bad);
    if (!bad) setOpen(null);
  }

  return (
    <span className="unlisted">
      <span className="flag">Not in the catalog yet (kept in this draft): {slugs.join(", ")}</span>
      {adder && slugs.map((slug) => open === slug ? (
        <span key={slug} className="add-service" role="group" aria-label={`Add ${slug} to the catalog`}
          onKeyDown={(e) => {
            // Enter adds the service here; it must not submit the form this sits in (the add-event form).
            if (e.key === "Enter") { e.preventDefault(); void add(slug); }
            if (e.key === "Escape") setOpen(null);
          }}>
          <label><span>Name</span><input value={name} onChange={(e) => setName(e.target.value)} autoFocus /></label>
          <label><span>Group</span><input value={group} list="service-groups" onChange={(e) => setGroup(e.target.value)} /></label>
          <button type="button" className="small" disabled={busy} onClick={() => add(slug)}>Add to catalog</button>
          <button type="button" className="secondary small" onClick={() => setOpen(null)}>Cancel</button>
          {problem && <span className="field-error" role="alert">{problem}</span>}
        </span>
      ) : (
        <button key={slug} type="button" className="secondary small"
          onClick={() => { setOpen(slug); setName(titleCase(slug)); setGroup(""); setProblem(null); }}>Add “{slug}” to the catalog…</button>
      ))}
    </span>
  );
}
