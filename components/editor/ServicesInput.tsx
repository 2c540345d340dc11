"use client";
import { useEffect, useState } from "react";
import type { ServiceOption } from "./types";

const split = (text: string) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

/** Linked services as a comma-separated list of slugs, checked against the catalog as you type. */
export function ServicesInput({ value, onChange, services, label = "Services" }: {
  value: string[];
  onChange: (slugs: string[]) => void;
  services: ServiceOption[];
  label?: string;
}) {
  const [text, setText] = useState(value.join(", "));
  // Follow outside changes (a merge, a restore) without reformatting what is being typed.
  useEffect(() => {
    setText((current) => (split(current).join() === value.join() ? current : value.join(", ")));
  }, [value]);
  const unknown = split(text).filter((s) => !services.some((o) => o.slug === s));
  return (
    <label className="services-input">
      <span>{label}</span>
      <input value={text} list="service-slugs" placeholder="e.g. kinesis-front-end, cognito"
        onChange={(e) => {
          setText(e.target.value);
          onChange(split(e.target.value));
        }} />
      {unknown.length > 0 && <span className="field-error">Not in the catalog: {unknown.join(", ")}</span>}
    </label>
  );
}

/** One shared suggestion list for every services input on the page. */
export function ServiceSuggestions({ services }: { services: ServiceOption[] }) {
  return (
    <datalist id="service-slugs">
      {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
    </datalist>
  );
}
