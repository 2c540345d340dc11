"use client";
import { memo } from "react";
import { CONDITIONS, type ImpactWindow, type Postmortem } from "@/lib/model";
import { suggestWindow } from "@/lib/suggestions";
import { Field } from "./field-errors";
import { ListSection } from "./ListSection";
import { ServicesInput } from "./ServicesInput";
import { ZonedInput } from "./ZonedInput";
import type { ServiceOption } from "./types";

/** One row per affected service; a new row starts from the impact milestones, and any service name is kept. */
export const ImpactWindowsEditor = memo(function ImpactWindowsEditor({ windows, onChange, services, zone, milestones, day }: {
  day: string | null;
  windows: ImpactWindow[];
  onChange: (w: ImpactWindow[]) => void;
  services: ServiceOption[];
  zone: string;
  milestones: Postmortem["milestones"];
}) {
  return (
    <ListSection title="Impact windows" itemName="impact window" addLabel="Add impact window" items={windows} onChange={onChange}
      hint="One row per affected service; mark the service where the failure started as the origin. New rows start at the impact milestones."
      blank={(): ImpactWindow => ({ service: "", condition: "major", ...suggestWindow(milestones), origin: false })}
      render={(w, update, i) => (
        <div className="row-fields impact-row">
          <ServicesInput single label="Service" path={`impactWindows.${i}.service`} value={w.service ? [w.service] : []}
            services={services} onChange={(s) => update({ service: s[0] ?? "" })} />
          <Field path={`impactWindows.${i}.condition`} label="Condition">
            <select value={w.condition} onChange={(e) => update({ condition: e.target.value as ImpactWindow["condition"] })}>
              {CONDITIONS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </Field>
          <ZonedInput label="Start" path={`impactWindows.${i}.start`} value={w.start || null} zone={zone} defaultDate={day} onChange={(v) => update({ start: v ?? "" })} />
          <ZonedInput label="End" path={`impactWindows.${i}.end`} value={w.end} zone={zone} defaultDate={day} onChange={(v) => update({ end: v })} />
          <label className="check"><input type="checkbox" checked={w.origin} onChange={(e) => update({ origin: e.target.checked })} /> Origin</label>
        </div>
      )} />
  );
});
