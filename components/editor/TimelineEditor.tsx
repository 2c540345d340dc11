"use client";
import { memo, useCallback } from "react";
import type { Cause, TimelineEvent } from "@/lib/model";
import { AddEventForm, defaultDateFor } from "./AddEventForm";
import { EventRow } from "./EventRow";
import { PasteLines } from "./PasteLines";
import { keyOf, sortEvents } from "./timeline-keys";
import type { ServiceOption } from "./types";

export const TimelineEditor = memo(function TimelineEditor({ events, zone, services, fallbackDate, onChange, causes, onLinkCause }: {
  causes: Cause[];
  onLinkCause: (causeIndex: number, at: string) => void;
  events: TimelineEvent[];
  zone: string;
  services: ServiceOption[];
  fallbackDate?: string;
  onChange: (update: (events: TimelineEvent[]) => TimelineEvent[]) => void;
}) {
  const add = useCallback((added: TimelineEvent[]) => onChange((list) => sortEvents([...list, ...added])), [onChange]);
  const save = useCallback((before: TimelineEvent, after: TimelineEvent) =>
    onChange((list) => sortEvents(list.map((e) => (e === before ? after : e)))), [onChange]);
  const remove = useCallback((gone: TimelineEvent) => onChange((list) => list.filter((e) => e !== gone)), [onChange]);
  const addOne = useCallback((e: TimelineEvent) => add([e]), [add]);
  const date = defaultDateFor(events, zone, fallbackDate);
  return (
    <>
      <AddEventForm zone={zone} defaultDate={date} services={services} onAdd={addOne} />
      <PasteLines zone={zone} defaultDate={date} services={services} onAdd={add} />
      <p className="muted">{events.length} event{events.length === 1 ? "" : "s"}, in time order.</p>
      <ol className="timeline editable">
        {events.map((e) => <EventRow key={keyOf(e)} event={e} zone={zone} services={services} causes={causes} onLinkCause={onLinkCause} onSave={save} onDelete={remove} />)}
      </ol>
    </>
  );
});
