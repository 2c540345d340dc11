"use client";
import { memo } from "react";
import { CAUSE_KINDS, type Cause, type TimelineEvent } from "@/lib/model";
import { CauseTagPicker } from "./CauseTagPicker";
import { EventLinks } from "./EventLinks";
import { Field } from "./field-errors";
import { ListSection } from "./ListSection";
import { ServicesInput } from "./ServicesInput";
import type { ServiceOption } from "./types";

const TITLES: Record<Cause["kind"], [string, string, string]> = {
  trigger: ["Trigger", "Add trigger", "What set it off: often a routine change, not the root cause."],
  root_cause: ["Root causes", "Add root cause", "Why the trigger could do this much harm."],
  contributing: ["Contributing factors", "Add contributing factor", "What made it worse, longer or harder to see."],
};

/** Trigger, root causes and contributing factors, each its own list: never one text box. */
export const CausesEditor = memo(function CausesEditor({ causes, onChange, services, timeline, zone }: {
  causes: Cause[];
  onChange: (causes: Cause[]) => void;
  services: ServiceOption[];
  timeline: TimelineEvent[];
  zone: string;
}) {
  return (
    <div className="causes">
      {CAUSE_KINDS.map((kind) => {
        const [title, addLabel, hint] = TITLES[kind];
        const mine = causes.filter((c) => c.kind === kind);
        // Each cause keeps its place in the list, since action items name the cause they address by its place.
        const replace = (list: Cause[]) => {
          let n = 0;
          const kept = causes.flatMap((c) => (c.kind !== kind ? [c] : n < list.length ? [list[n++]] : []));
          onChange([...kept, ...list.slice(n)]);
        };
        return (
          <ListSection key={kind} title={title} itemName={addLabel.replace(/^Add /, "")} addLabel={addLabel} hint={hint} items={mine} onChange={replace}
            blank={(): Cause => ({ kind, text: "", services: [], events: [], tags: [] })}
            render={(c, update) => (
              <>
                <Field path={`causes.${causes.indexOf(c)}.text`} label="Description">
                  <textarea rows={3} value={c.text} onChange={(e) => update({ text: e.target.value })} />
                </Field>
                <ServicesInput path={`causes.${causes.indexOf(c)}.services`} value={c.services} services={services} onChange={(s) => update({ services: s })} />
                <CauseTagPicker path={`causes.${causes.indexOf(c)}.tags`} text={c.text} value={c.tags} onChange={(tags) => update({ tags })} />
                <EventLinks value={c.events} timeline={timeline} zone={zone} onChange={(events) => update({ events })} />
              </>
            )} />
        );
      })}
    </div>
  );
});
