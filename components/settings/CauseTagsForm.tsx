"use client";
import { useState } from "react";
import type { CauseTag } from "@/lib/cause-tags";
import { ClientForm } from "../ClientForm";
import { call } from "../admin/api";

/** The cause taxonomy: a short list people can hold in their head, each tag with the words that suggest it. */
export function CauseTagsForm({ initial }: { initial: CauseTag[] }) {
  const [tags, setTags] = useState(initial);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (i: number, patch: Partial<CauseTag>) => setTags(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <section className="panel" aria-labelledby="cause-tags-h">
      <h2 id="cause-tags-h">Cause tags</h2>
      <p className="muted">Editors tag causes with these; the keywords (comma-separated, matched at the start of a word) suggest a tag from a cause&apos;s text, and a person confirms it. A tag removed here stays on the causes that have it.</p>
      <ClientForm aria-label="Cause tags" onSubmit={async (e) => {
        e.preventDefault();
        try {
          const saved = await call<{ tags: CauseTag[] }>("/api/cause-tags", "PUT", { tags });
          setTags(saved.tags);
          setResult({ ok: true, text: `Saved ${saved.tags.length} tags.` });
        } catch (err) { setResult({ ok: false, text: (err as Error).message }); }
      }}>
        {tags.map((t, i) => (
          <div className="row-fields" key={i}>
            <label className="field"><span>Tag id</span><input value={t.slug} onChange={(e) => set(i, { slug: e.target.value })} /></label>
            <label className="field"><span>Name</span><input value={t.name} onChange={(e) => set(i, { name: e.target.value })} /></label>
            <label className="field wide"><span>Keywords</span><input value={t.keywords} onChange={(e) => set(i, { keywords: e.target.value })} /></label>
            <button type="button" className="secondary small" aria-label={`Remove tag ${t.name || i + 1}`} onClick={() => setTags(tags.filter((_, j) => j !== i))}>Remove</button>
          </div>
        ))}
        <p className="actions">
          <button type="button" className="secondary" onClick={() => setTags([...tags, { slug: "", name: "", keywords: "" }])}>Add tag</button>
          <button type="submit">Save cause tags</button>
        </p>
        {result && <p role={result.ok ? "status" : "alert"} className={result.ok ? "muted" : "field-error"}>{result.text}</p>}
      </ClientForm>
    </section>
  );
}
