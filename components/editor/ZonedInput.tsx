"use client";
import { useEffect, useId, useState } from "react";
import { utcToZoned, zonedToUtc } from "@/lib/time/zone";
import { useFieldError } from "./field-errors";

function toLocal(iso: string | null | undefined, zone: string): string {
  if (!iso) return "";
  const w = utcToZoned(iso, zone);
  return `${w.date}T${w.time}`;
}

/** A date and time typed in the incident's zone, stored as a UTC instant; DST gaps are refused. */
export function ZonedInput({ label, value, zone, onChange, path }: {
  label: string;
  path?: string;
  value: string | null | undefined;
  zone: string;
  onChange: (iso: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(() => toLocal(value, zone));
  const [typed, setError] = useState<string | null>(null);
  const saveError = useFieldError(path);
  const error = typed ?? saveError;
  useEffect(() => setText(toLocal(value, zone)), [value, zone]);

  function commit(next: string) {
    setText(next);
    if (!next) {
      setError(null);
      return onChange(null);
    }
    const [date, time = ""] = next.split("T");
    try {
      onChange(zonedToUtc(date, time.slice(0, 5), zone));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <div className={error ? "zoned has-error" : "zoned"}>
      <label>
        <span>{label}</span>
        <input type="datetime-local" value={text} data-field={path} onChange={(e) => commit(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
      </label>
      {error && <span id={`${id}-err`} className="field-error" role={typed ? "alert" : undefined}>{error}</span>}
    </div>
  );
}
