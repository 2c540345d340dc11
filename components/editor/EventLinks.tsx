"use client";
import { useMemo } from "react";
import type { TimelineEvent } from "@/lib/model";
import { utcToZoned } from "@/lib/time/zone";

/** Links a cause to moments on the timeline; one option per instant, named by its first event. */
export function EventLinks({ value, timeline, zone, onChange }: {
  value: string[];
  timeline: TimelineEvent[];
  zone: string;
  onChange: (instants: string[]) => void;
}) {
  const options = useMemo(() => {
    const byInstant = new Map<string, string[]>();
    for (const e of timeline) byInstant.set(e.at, [...(byInstant.get(e.at) ?? []), e.text]);
    return [...byInstant].map(([at, texts]) => {
      const more = texts.length > 1 ? ` (+${texts.length - 1} more)` : "";
      return { at, label: `${utcToZoned(at, zone).time} — ${texts[0].slice(0, 70)}${more}` };
    });
  }, [timeline, zone]);
  const dangling = value.filter((at) => !options.some((o) => o.at === at));
  return (
    <label>
      <span>Timeline events it explains</span>
      <select multiple size={Math.min(5, Math.max(2, options.length))} value={value}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
        {options.map((o) => <option key={o.at} value={o.at}>{o.label}</option>)}
      </select>
      {dangling.length > 0 && <span className="field-error">Linked to times no longer on the timeline: {dangling.join(", ")}</span>}
    </label>
  );
}
