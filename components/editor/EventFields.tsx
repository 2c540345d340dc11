"use client";
import { EVENT_KINDS, type TimelineEvent } from "@/lib/model";
import { ServicesInput } from "./ServicesInput";
import type { ServiceOption } from "./types";

/** The fields of one event other than its time: shared by the add form and inline editing. */
export function EventFields({ draft, set, services }: {
  draft: Pick<TimelineEvent, "kind" | "actor" | "text" | "services">;
  set: (patch: Partial<TimelineEvent>) => void;
  services: ServiceOption[];
}) {
  return (
    <>
      <label><span>Kind</span>
        <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as TimelineEvent["kind"] })}>
          {EVENT_KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, " ")}</option>)}
        </select>
      </label>
      <label><span>Actor</span><input value={draft.actor} onChange={(e) => set({ actor: e.target.value })} /></label>
      <label className="wide"><span>What happened</span>
        <input value={draft.text} onChange={(e) => set({ text: e.target.value })} required />
      </label>
      <ServicesInput value={draft.services} services={services} onChange={(s) => set({ services: s })} />
    </>
  );
}
