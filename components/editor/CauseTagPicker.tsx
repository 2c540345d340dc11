"use client";
import { suggestTags } from "@/lib/cause-tags";
import { useCauseTags } from "./cause-tags-context";

/**
 * The tags of one cause: a box per tag of the taxonomy, and the tags its text suggests as buttons. A suggestion is
 * only a suggestion: nothing is tagged until a person ticks the box or presses the button.
 */
export function CauseTagPicker({ path, text, value, onChange }: { path: string; text: string; value: string[]; onChange: (tags: string[]) => void }) {
  const taxonomy = useCauseTags();
  const retired = value.filter((t) => !taxonomy.some((x) => x.slug === t)).map((slug) => ({ slug, name: `${slug} (no longer in the taxonomy)`, keywords: "" }));
  const suggested = suggestTags(text, taxonomy, value);
  const toggle = (slug: string, on: boolean) => onChange(on ? [...value, slug] : value.filter((t) => t !== slug));
  return (
    <fieldset className="cause-tags" data-field={path}>
      <legend>Tags</legend>
      <div className="cause-tag-boxes">
        {[...taxonomy, ...retired].map((t) => (
          <label key={t.slug}><input type="checkbox" checked={value.includes(t.slug)} onChange={(e) => toggle(t.slug, e.target.checked)} /> {t.name}</label>
        ))}
      </div>
      {suggested.length > 0 && (
        <p className="cause-tag-suggestions">
          <span className="muted">Suggested from the text:</span>{" "}
          {suggested.map((t) => (
            <button key={t.slug} type="button" className="secondary small" onClick={() => toggle(t.slug, true)} aria-label={`Tag as ${t.name} (suggested)`}>+ {t.name}</button>
          ))}
        </p>
      )}
    </fieldset>
  );
}
