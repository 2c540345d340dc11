"use client";
import { useState } from "react";
import type { TimelineEvent } from "@/lib/model";
import { recognizeEvent } from "@/lib/paste-recognize";
import { parsePastedLines, type PastePreview } from "@/lib/time/line-reader";
import { formatInZone } from "@/lib/time/zone";
import type { ServiceOption } from "./types";

/** Paste many "05:15 First alarms" lines, check the preview, then add them all at once. */
export function PasteLines({ zone, defaultDate, services, onAdd }: {
  zone: string; defaultDate: string; services: ServiceOption[]; onAdd: (events: TimelineEvent[]) => void;
}) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<PastePreview | null>(null);
  return (
    <details className="paste">
      <summary>Paste several lines</summary>
      <p className="muted hint">One event per line, e.g. <code>05:15 alice: first alarms detected</code> or <code>10:23 PM Kinesis fully recovered [services: waf]</code>.
        An actor before a colon, the kind of event from its words and the services it names are picked up.
        Times are read in {zone} on {defaultDate} unless a line gives its own date or zone.</p>
      <label><span>Lines to add</span>
        <textarea rows={6} value={text} onChange={(e) => { setText(e.target.value); setPreview(null); }} />
      </label>
      <button type="button" className="secondary" onClick={() => {
        const read = parsePastedLines(text, defaultDate, { kind: "iana", name: zone });
        // A service named once with [services: …] (even one the catalog lacks) is recognised on the other lines too.
        const stated = read.events.flatMap((e) => e.services).filter((slug) => !services.some((s) => s.slug === slug));
        const known = [...services, ...[...new Set(stated)].map((slug) => ({ slug, name: slug }))];
        setPreview({ ...read, events: read.events.map((e) => recognizeEvent(e, known)) });
      }}>Preview</button>
      {preview && (
        <div className="paste-preview" aria-label="Paste preview">
          {preview.events.length > 0 && (
            <ol>{preview.events.map((e, i) => <li key={i}><span className="mono">{formatInZone(e.at, zone)}</span> <span className="kind">{e.kind.replace(/_/g, " ")}</span>{" "}
              {e.actor && <strong>{e.actor}: </strong>}{e.text}{e.services.length > 0 && <span className="svc"> [{e.services.join(", ")}]</span>}</li>)}</ol>
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
