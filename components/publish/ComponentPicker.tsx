"use client";
import { COMPONENT_STATUSES } from "@/lib/status-schemas";

export type ComponentInfo = { id: string; name: string; status: string };

/** New status per component; "no change" leaves a component out of the update. */
export function ComponentPicker({ components, value, onChange }: {
  components: ComponentInfo[]; value: Record<string, string>; onChange: (v: Record<string, string>) => void;
}) {
  return (
    <fieldset className="component-picker">
      <legend>Affected components</legend>
      {components.map((c) => (
        <label key={c.id}>
          <span>{c.name} <span className="muted">(now {c.status.replace(/_/g, " ")})</span></span>
          <select value={value[c.id] ?? ""} onChange={(e) => {
            const next = { ...value };
            if (e.target.value) next[c.id] = e.target.value;
            else delete next[c.id];
            onChange(next);
          }}>
            <option value="">no change</option>
            {COMPONENT_STATUSES.map((s) => <option key={s} value={s}>{s.replace(/_/g, " ")}</option>)}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
