"use client";
import { memo } from "react";
import { CONDITIONS, type ImpactWindow } from "@/lib/model";
import { ListSection } from "./ListSection";
import { ZonedInput } from "./ZonedInput";
import type { ServiceOption } from "./types";

export const ImpactWindowsEditor = memo(function ImpactWindowsEditor({ windows, onChange, services, zone }: {
  windows: ImpactWindow[];
  onChange: (w: ImpactWindow[]) => void;
  services: ServiceOption[];
  zone: string;
}) {
  return (
    <ListSection title="Impact windows" addLabel="Add impact window" items={windows} onChange={onChange}
      hint="One row per affected service; mark the service where the failure started as the origin."
      blank={(): ImpactWindow => ({ service: services[0]?.slug ?? "", condition: "major", start: "", end: null, origin: false })}
      render={(w, update) => (
        <div className="row-fields">
          <label><span>Service</span>
            <select value={w.service} onChange={(e) => update({ service: e.target.value })}>
              {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
            </select>
          </label>
          <label><span>Condition</span>
            <select value={w.condition} onChange={(e) => update({ condition: e.target.value as ImpactWindow["condition"] })}>
              {CONDITIONS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <ZonedInput label="Start" value={w.start || null} zone={zone} onChange={(v) => update({ start: v ?? "" })} />
          <ZonedInput label="End" value={w.end} zone={zone} onChange={(v) => update({ end: v })} />
          <label className="check"><input type="checkbox" checked={w.origin} onChange={(e) => update({ origin: e.target.checked })} /> Origin</label>
        </div>
      )} />
  );
});
