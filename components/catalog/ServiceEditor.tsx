"use client";
import { memo } from "react";
import { NATURES, type Service } from "@/lib/catalog";

/** One service's fields and its dependencies. */
export const ServiceEditor = memo(function ServiceEditor({ service, slugs, onChange, onRemove }: {
  service: Service; slugs: string[]; onChange: (s: Service) => void; onRemove: () => void;
}) {
  const set = (patch: Partial<Service>) => onChange({ ...service, ...patch });
  const setDep = (i: number, patch: Partial<Service["dependsOn"][number]>) =>
    set({ dependsOn: service.dependsOn.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <fieldset className="list-item" aria-label={`Service ${service.slug || "(new)"}`}>
      <div className="row-fields">
        <label><span>Slug</span><input value={service.slug} onChange={(e) => set({ slug: e.target.value })} required /></label>
        <label><span>Name</span><input value={service.name} onChange={(e) => set({ name: e.target.value })} required /></label>
        <label><span>Group</span><input value={service.group} onChange={(e) => set({ group: e.target.value })} /></label>
        <label className="check"><input type="checkbox" checked={service.public} onChange={(e) => set({ public: e.target.checked })} /> Public component</label>
        {service.public && <label className="check"><input type="checkbox" checked={service.onlyShowIfDegraded ?? false} onChange={(e) => set({ onlyShowIfDegraded: e.target.checked })} /> Show on the status page only when not operational</label>}
        <label className="check"><input type="checkbox" checked={service.statusPath} onChange={(e) => set({ statusPath: e.target.checked })} /> Status-publishing path</label>
        <label className="wide"><span>Description</span><input value={service.description} onChange={(e) => set({ description: e.target.value })} /></label>
      </div>
      {service.dependsOn.map((d, i) => (
        <div className="row-fields dep" key={i}>
          <label><span>Depends on</span>
            <select value={d.service} onChange={(e) => setDep(i, { service: e.target.value })}>
              {slugs.map((s) => <option key={s}>{s}</option>)}
            </select>
          </label>
          <label><span>Nature</span>
            <select value={d.nature} onChange={(e) => setDep(i, { nature: e.target.value as typeof d.nature })}>
              {NATURES.map((n) => <option key={n}>{n}</option>)}
            </select>
          </label>
          <label className="wide-2"><span>Channel</span><input value={d.note} placeholder="API usage telemetry, buffered" onChange={(e) => setDep(i, { note: e.target.value })} /></label>
          <button type="button" className="secondary small" onClick={() => set({ dependsOn: service.dependsOn.filter((_, j) => j !== i) })}>Remove dependency</button>
        </div>
      ))}
      <div className="row-actions">
        <button type="button" className="secondary small" onClick={() => set({ dependsOn: [...service.dependsOn, { service: slugs.find((s) => s !== service.slug) ?? "", nature: "hard", note: "" }] })}>Add dependency</button>
        <button type="button" className="secondary small" onClick={onRemove}>Remove service</button>
      </div>
    </fieldset>
  );
});
