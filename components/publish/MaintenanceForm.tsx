"use client";
import { ClientForm } from "../ClientForm";
import { useState } from "react";
import type { ComponentInfo } from "./ComponentPicker";

/** Schedule maintenance for some components; it shows on the page and in the scheduled-maintenances JSON. */
export function MaintenanceForm({ components }: { components: ComponentInfo[] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <ClientForm className="publish-form" aria-label="Schedule maintenance" onSubmit={async (e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const iso = (v: FormDataEntryValue | null) => (v ? new Date(String(v)).toISOString() : "");
      const res = await fetch("/api/status/maintenances", {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: f.get("name"), body: f.get("body"), scheduled_for: iso(f.get("from")), scheduled_until: iso(f.get("until")), components: f.getAll("components") }),
      });
      if (res.ok) window.location.reload();
      else setError(((await res.json()).problems ?? ["failed"]).join("; "));
    }}>
      <label><span>Title</span><input name="name" required /></label>
      <div className="row-fields">
        <label><span>From (your time zone)</span><input name="from" type="datetime-local" required /></label>
        <label><span>Until</span><input name="until" type="datetime-local" required /></label>
      </div>
      <label><span>Message</span><textarea name="body" rows={3} required /></label>
      <fieldset className="component-picker"><legend>Components</legend>
        {components.map((c) => <label key={c.id} className="check"><input type="checkbox" name="components" value={c.id} /> {c.name}</label>)}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">Schedule maintenance</button>
    </ClientForm>
  );
}
