"use client";
import { useState } from "react";
import type { TimelineEvent } from "@/lib/model";
import { parsePastedLines, type PastePreview } from "@/lib/time/line-reader";
import { formatInZone } from "@/lib/time/zone";

/** Paste many "05:15 First alarms" lines, check the preview, then add them all at once. */
export function PasteLines({ zone, defaultDate, onAdd }: { zone: string; defaultDate: string; onAdd: (events: TimelineEvent[]) => void }) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<PastePreview | null>(null);
  return (
    <details className="paste">
      <summary>Paste several lines</summary>
      <p className="muted hint">One event per line, e.g. <code>05:15 First alarms</code> or <code>10:23 PM Kinesis fully recovered</code>.
        Times are read in {zone} on {defaultDate} unless a line gives its own date or zone.</p>
      <label><span>Lines to add</span>
        <textarea rows={6} value={text} onChange={(e) => { setText(e.target.value); setPreview(null); }} />
      </label>
      <button type="button" className="secondary" onClick={() => setPreview(parsePastedLines(text, defaultDate, { kind: "iana", name: zone }))}>Preview</button>
      {preview && (
        <div className="paste-preview" aria-label="Paste preview">
          {preview.events.length > 0 && (
            <ol>{preview.events.map((e, i) => <li key={i}><span className="mono">{formatInZone(e.at, zone)}</span> {e.text}</li>)}</ol>
          )}
          {preview.problems.map((p, i) => <p key={`p${i}`} className="field-error">{p}</p>)}
          {preview.skipped.map((s, i) => <p key={`s${i}`} className="muted">No time, not added: {s}</p>)}
          <button type="button" disabled={!preview.events.length} onClick={() => {
            onAdd(preview.events);
            setText("");
            setPreview(null);
          }}>Add {preview.events.length} event{preview.events.length === 1 ? "" : "s"}</button>
        </div>
      )}
    </details>
  );
}
