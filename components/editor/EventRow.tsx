"use client";
import { ClientForm } from "../ClientForm";
import { memo, useState } from "react";
import { describeRow } from "@/lib/field-words";
import type { Cause, TimelineEvent } from "@/lib/model";
import { utcToZoned, zonedToUtc } from "@/lib/time/zone";
import { EventFields } from "./EventFields";
import { EventSummary } from "../incident/EventSummary";
import type { ServiceOption } from "./types";

/** One timeline row; editing keeps its draft locally, so typing re-renders this row only. */
export const EventRow = memo(function EventRow({ event, zone, services, causes, onLinkCause, onSave, onDelete }: {
  causes: Cause[];
  onLinkCause: (causeIndex: number, at: string) => void;
  event: TimelineEvent;
  zone: string;
  services: ServiceOption[];
  onSave: (before: TimelineEvent, after: TimelineEvent) => void;
  onDelete: (event: TimelineEvent) => void;
}) {
  const w = utcToZoned(event.at, zone);
  const [draft, setDraft] = useState<(TimelineEvent & { date: string; time: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!draft) {
    return (
      <li className="event-row">
        <EventSummary event={event} {...w} />
        <div className="row-actions">
          {causes.length > 0 && (
            // Checkboxes rather than a select: arrow keys move between them without linking anything.
            <details className="link-causes">
              <summary aria-label={`Causes the event at ${w.time} explains`}>
                Explains {causes.filter((c) => c.events.includes(event.at)).length || "no"} cause{causes.filter((c) => c.events.includes(event.at)).length === 1 ? "" : "s"}
              </summary>
              <div role="group" aria-label={`Link the event at ${w.time} to causes`}>
                {causes.map((c, i) => (
                  <label key={i} className="check">
                    <input type="checkbox" checked={c.events.includes(event.at)} onChange={() => onLinkCause(i, event.at)} />
                    {describeRow(["causes", i], { causes, lessons: [] })}: {c.text.slice(0, 50) || "(no description yet)"}
                  </label>
                ))}
              </div>
            </details>
          )}
          <button type="button" className="secondary small" onClick={() => setDraft({ ...event, date: w.date, time: w.time })}>Edit</button>
          <button type="button" className="secondary small" onClick={() => onDelete(event)} aria-label={`Delete event at ${w.time}`}>Delete</button>
        </div>
      </li>
    );
  }

  function save(e: React.FormEvent) {
    e.preventDefault();
    try {
      const { date, time, ...rest } = draft!;
      onSave(event, { ...rest, at: zonedToUtc(date, time, zone) });
      setDraft(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <li className="event-row editing">
      <ClientForm className="row-fields" onSubmit={save} onKeyDown={(e) => e.key === "Escape" && setDraft(null)}>
        <label><span>Date</span><input type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} /></label>
        <label><span>Time ({w.abbr})</span><input value={draft.time} pattern="\d{1,2}:\d{2}" onChange={(e) => setDraft({ ...draft, time: e.target.value })} autoFocus /></label>
        <EventFields draft={draft} set={(p) => setDraft({ ...draft, ...p })} services={services} />
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="row-actions">
          <button type="submit" className="small">Save event</button>
          <button type="button" className="secondary small" onClick={() => setDraft(null)}>Cancel</button>
        </div>
      </ClientForm>
    </li>
  );
});
