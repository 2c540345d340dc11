"use client";
import { memo } from "react";
import { Field } from "./field-errors";
import { INCIDENT_STATUSES, SEVERITIES, isTimeZone, type Postmortem } from "@/lib/model";

type Basics = Pick<Postmortem, "title" | "slug" | "severity" | "status" | "timeZone">;

const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

export const BasicsEditor = memo(function BasicsEditor({ value, onChange }: { value: Basics; onChange: (patch: Partial<Basics>) => void }) {
  return (
    <div className="row-fields">
      <Field path="title" label="Title" className="wide"><input value={value.title} onChange={(e) => onChange({ title: e.target.value })} required /></Field>
      <Field path="slug" label="Slug (in links)"><input value={value.slug} onChange={(e) => onChange({ slug: e.target.value })} pattern="[a-z0-9][a-z0-9-]*" /></Field>
      <label><span>Severity</span>
        <select value={value.severity} onChange={(e) => onChange({ severity: e.target.value as Basics["severity"] })}>
          {SEVERITIES.map((s) => <option key={s}>{s}</option>)}
        </select>
      </label>
      <label><span>Incident status</span>
        <select value={value.status} onChange={(e) => onChange({ status: e.target.value as Basics["status"] })}>
          {INCIDENT_STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
      </label>
      <Field path="timeZone" label="Time zone (times are typed in it)">
        <input list="time-zones" value={value.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })}
          aria-invalid={isTimeZone(value.timeZone) ? undefined : true} />
      </Field>
      <datalist id="time-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
    </div>
  );
});
