"use client";
import { useEffect, useState } from "react";
import { useFieldError } from "./field-errors";
import { UnlistedNote } from "./UnlistedNote";
import type { ServiceOption } from "./types";

const split = (text: string) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

/** Linked services as a comma-separated list of slugs; names the catalog lacks are kept and can be added to it from here. */
export function ServicesInput({ value, onChange, services, label = "Services", path, single = false }: {
  value: string[];
  onChange: (slugs: string[]) => void;
  services: ServiceOption[];
  label?: string;
  path?: string;
  single?: boolean;
}) {
  const [text, setText] = useState(value.join(", "));
  const error = useFieldError(path);
  // Follow outside changes (a merge, a restore) without reformatting what is being typed.
  useEffect(() => {
    setText((current) => (split(current).join() === value.join() ? current : value.join(", ")));
  }, [value]);
  const unknown = split(text).filter((s) => !services.some((o) => o.slug === s));
  const errorId = path ? `err-${path}` : undefined;
  return (
    <div className={`services-input${error ? " has-error" : ""}`}>
      <label>
        <span>{label}</span>
        <input value={text} list="service-slugs" placeholder={single ? "e.g. kinesis-front-end" : "e.g. kinesis-front-end, cognito"}
          data-field={path} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            onChange(single ? split(e.target.value).slice(0, 1) : split(e.target.value));
          }} />
      </label>
      {error && <span id={errorId} className="field-error">{error}</span>}
      <UnlistedNote slugs={unknown} />
    </div>
  );
}

/** One shared suggestion list for every services input on the page, and one for catalog groups. */
export function ServiceSuggestions({ services }: { services: ServiceOption[] }) {
  const groups = [...new Set(services.map((s) => s.group).filter(Boolean))];
  return (
    <>
      <datalist id="service-slugs">
        {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
      </datalist>
      <datalist id="service-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
    </>
  );
}
