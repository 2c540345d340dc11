"use client";
import { memo, useMemo, useState } from "react";
import { incidentDay } from "@/lib/suggestions";
import { utcToZoned } from "@/lib/time/zone";
import type { Postmortem, TimelineEvent } from "@/lib/model";
import { ActionItemsEditor } from "./ActionItemsEditor";
import { BasicsEditor } from "./BasicsEditor";
import { CausesEditor } from "./CausesEditor";
import { ImpactWindowsEditor } from "./ImpactWindowsEditor";
import { LessonsEditor } from "./LessonsEditor";
import { MarkdownField } from "./MarkdownField";
import { MilestonesEditor } from "./MilestonesEditor";
import { ServiceSuggestions } from "./ServicesInput";
import { TimelineEditor } from "./TimelineEditor";
import type { ServiceOption } from "./types";

type Edit = (update: (p: Postmortem) => Postmortem) => void;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/** Every part of the postmortem, each section given stable setters so untouched sections do not re-render. */
export const EditorSections = memo(function EditorSections({ pm, edit, services }: {
  pm: Postmortem; edit: Edit; services: ServiceOption[];
}) {
  // The incident's day is set once (or read from what is already there); every time field is then a time alone.
  const [chosenDay, setDay] = useState<string | null>(null);
  const day = chosenDay ?? incidentDay(pm.milestones, pm.timeline, pm.timeZone, (iso, z) => utcToZoned(iso, z).date);
  const fallbackDate = pm.milestones.impact_start ?? pm.milestones.detected ?? pm.milestones.trigger ?? (day ? `${day}T12:00:00.000Z` : undefined);
  const set = useMemo(() => {
    const field = <K extends keyof Postmortem>(key: K) => (value: Postmortem[K]) => edit((p) => ({ ...p, [key]: value }));
    return {
      basics: (patch: Partial<Postmortem>) => edit((p) => ({ ...p, ...patch })),
      summary: field("summary"), impact: field("impact"), resolution: field("resolution"),
      detection: field("detection"), supporting: field("supporting"), milestones: field("milestones"),
      causes: field("causes"), impactWindows: field("impactWindows"), actionItems: field("actionItems"), lessons: field("lessons"),
      timeline: (update: (e: TimelineEvent[]) => TimelineEvent[]) => edit((p) => ({ ...p, timeline: update(p.timeline) })),
      /** Links or unlinks one event (by its instant) and one cause, from the event's own row. */
      linkCause: (index: number, at: string) => edit((p) => ({ ...p, causes: p.causes.map((c, i) => i !== index ? c
        : { ...c, events: c.events.includes(at) ? c.events.filter((x) => x !== at) : [...c.events, at] }) })),
    };
  }, [edit]);
  const basics = useMemo(() => ({ title: pm.title, slug: pm.slug, severity: pm.severity, status: pm.status, timeZone: pm.timeZone }),
    [pm.title, pm.slug, pm.severity, pm.status, pm.timeZone]);
  const zone = pm.timeZone;
  return (
    <>
      <ServiceSuggestions services={services} />
      <Section id="basics" title="Basics"><BasicsEditor value={basics} onChange={set.basics} /></Section>
      <Section id="summary" title="Summary"><MarkdownField label="Summary" value={pm.summary} onChange={set.summary} /></Section>
      <Section id="impact" title="Impact">
        <MarkdownField label="Impact" value={pm.impact} onChange={set.impact} />
        <ImpactWindowsEditor windows={pm.impactWindows} onChange={set.impactWindows} services={services} zone={zone} milestones={pm.milestones} day={day} />
      </Section>
      <Section id="causes" title="Causes"><CausesEditor causes={pm.causes} onChange={set.causes} services={services} timeline={pm.timeline} zone={zone} /></Section>
      <Section id="resolution" title="Resolution"><MarkdownField label="Resolution" value={pm.resolution} onChange={set.resolution} /></Section>
      <Section id="detection" title="Detection"><MarkdownField label="Detection" value={pm.detection} onChange={set.detection} rows={4} /></Section>
      <Section id="milestones" title={`Milestones (${zone})`}><MilestonesEditor milestones={pm.milestones} zone={zone} onChange={set.milestones} timeline={pm.timeline} day={day} onDay={setDay} /></Section>
      <Section id="timeline" title={`Timeline (${zone})`}>
        <TimelineEditor events={pm.timeline} zone={zone} services={services} fallbackDate={fallbackDate} onChange={set.timeline}
          causes={pm.causes} onLinkCause={set.linkCause} />
      </Section>
      <Section id="actions" title="Action items"><ActionItemsEditor items={pm.actionItems} onChange={set.actionItems} causes={pm.causes} /></Section>
      <Section id="lessons" title="Lessons learned"><LessonsEditor lessons={pm.lessons} onChange={set.lessons} /></Section>
      <Section id="supporting" title="Supporting information">
        <MarkdownField label="Supporting information" value={pm.supporting} onChange={set.supporting} rows={4} />
      </Section>
    </>
  );
});
