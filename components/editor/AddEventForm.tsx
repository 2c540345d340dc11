"use client";
import { ClientForm } from "../ClientForm";
import { useRef, useState } from "react";
import type { TimelineEvent } from "@/lib/model";
import { parseTimeLine } from "@/lib/time/parse-line";
import { utcToZoned, zonedToUtc } from "@/lib/time/zone";
import { EventFields } from "./EventFields";
import type { ServiceOption } from "./types";

const empty = { kind: "event" as TimelineEvent["kind"], actor: "", text: "", services: [] as string[] };

/**
 * Keyboard-first: the time comes first, Tab through the rest, Enter adds, and focus returns to the time.
 * The date is last because it rarely changes within an incident.
 */
export function AddEventForm({ zone, defaultDate, services, onAdd }: {
  zone: string;
  defaultDate: string;
  services: ServiceOption[];
  onAdd: (e: TimelineEvent) => void;
}) {
  const [chosenDate, setDate] = useState<string | null>(null); // follows the incident until someone picks a day
  const date = chosenDate ?? defaultDate;
  const [time, setTime] = useState("");
  const [draft, setDraft] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const timeRef = useRef<HTMLInputElement>(null);
  const abbr = abbreviationOn(date, zone);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = parseTimeLine(`${time} x`);
    try {
      if (!parsed) throw new Error(`"${time}" is not a time; write it like 05:15 or 5:15 PM`);
      onAdd({ ...draft, at: zonedToUtc(date, parsed.time, zone), source: "" });
      setDraft({ ...empty, kind: draft.kind, actor: draft.actor });
      setTime("");
      setError(null);
      timeRef.current?.focus();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <ClientForm className="row-fields add-event" onSubmit={submit} aria-label="Add a timeline event">
      <label><span>Time ({abbr || zone})</span>
        <input ref={timeRef} value={time} onChange={(e) => setTime(e.target.value)} placeholder="05:15" required />
      </label>
      <EventFields draft={draft} set={(p) => setDraft({ ...draft, ...p })} services={services} />
      <label><span>Date</span><input type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit">Add event</button>
    </ClientForm>
  );
}

/** The zone's abbreviation on that day (PST or PDT), so people know which clock they are typing in. */
function abbreviationOn(date: string, zone: string): string {
  try {
    return utcToZoned(zonedToUtc(date, "12:00", zone), zone).abbr;
  } catch {
    return "";
  }
}

export function defaultDateFor(events: TimelineEvent[], zone: string, fallback?: string): string {
  const at = events.at(-1)?.at ?? fallback ?? new Date().toISOString();
  return utcToZoned(at, zone).date;
}
