"use client";
import { useEffect, useId, useRef, useState } from "react";
import { readClock } from "@/lib/suggestions";
import { utcToZoned, zonedToUtc } from "@/lib/time/zone";
import { useFieldError } from "./field-errors";

/**
 * A time typed alone, on a 24-hour clock, in the incident's zone; the day is the incident's day unless another is
 * picked beside it. Stored as a UTC instant; times skipped by a DST change are refused.
 */
export function ZonedInput({ label, value, zone, onChange, path, defaultDate, suggestion }: {
  label: string;
  value: string | null | undefined;
  zone: string;
  onChange: (iso: string | null) => void;
  path?: string;
  /** The incident's day (YYYY-MM-DD), used when no other day is picked. */
  defaultDate?: string | null;
  /** A likely value from the timeline, offered with one click while the field is empty. */
  suggestion?: { at: string; text: string };
}) {
  const id = useId();
  const wall = value ? utcToZoned(value, zone) : null;
  const [time, setTime] = useState(wall?.time ?? "");
  const [date, setDate] = useState<string | null>(wall?.date ?? null); // null: follow the incident's day
  const [typed, setError] = useState<string | null>(null);
  const committed = useRef(value ?? null);
  const saveError = useFieldError(path);
  const error = typed ?? saveError;
  // Follow changes from outside (a merge, a restore, a suggestion) but not the echo of what is being typed.
  useEffect(() => {
    if ((value ?? null) === committed.current) return;
    committed.current = value ?? null;
    const w = value ? utcToZoned(value, zone) : null;
    setTime(w?.time ?? "");
    setDate(w?.date ?? null);
  }, [value, zone]);

  const day = date ?? defaultDate ?? "";

  /** Stores the value if it is complete; says what is wrong only when `loud` (on leaving the field). */
  function commit(nextTime: string, nextDay: string, loud: boolean) {
    const problem = (text: string) => (loud ? setError(text) : undefined);
    if (!nextTime.trim()) {
      setError(null);
      committed.current = null;
      return onChange(null);
    }
    const clock = readClock(nextTime);
    if (!clock) return problem(`"${nextTime}" is not a time of day; write it like 13:42`);
    if (!nextDay) return problem("Set the incident date above first, or pick a day here");
    try {
      const iso = zonedToUtc(nextDay, clock, zone);
      committed.current = iso;
      setError(null);
      onChange(iso);
    } catch (err) {
      problem((err as Error).message);
    }
  }

  const hint = suggestion ? utcToZoned(suggestion.at, zone) : null;
  return (
    <div className={error ? "zoned has-error" : "zoned"}>
      <label htmlFor={`${id}-t`}>{label}</label>
      <div className="zoned-pair">
        <input id={`${id}-t`} className="clock" value={time} placeholder="HH:MM" autoComplete="off" data-field={path}
          onChange={(e) => { setTime(e.target.value); commit(e.target.value, day, false); }}
          onBlur={() => commit(time, day, true)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
        <input type="date" aria-label={`${label}: day`} value={day}
          onChange={(e) => { setDate(e.target.value || null); if (time) commit(time, e.target.value, true); }} />
      </div>
      {hint && !value && (
        <button type="button" className="secondary small suggestion" onClick={() => onChange(suggestion!.at)}>
          Use {hint.time}{hint.date !== day ? ` on ${hint.date}` : ""}: {suggestion!.text.slice(0, 40)}
        </button>
      )}
      {error && <span id={`${id}-err`} className="field-error" role={typed ? "alert" : undefined}>{error}</span>}
    </div>
  );
}
