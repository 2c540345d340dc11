"use client";
import { memo, useMemo } from "react";
import { MILESTONES, MILESTONE_LABELS, type Postmortem, type TimelineEvent } from "@/lib/model";
import { suggestMilestones } from "@/lib/suggestions";
import { MetricsPanel } from "../incident/MetricsPanel";
import { ZonedInput } from "./ZonedInput";

/** Milestones as times alone once the incident's date is set, with suggestions from the timeline and live metrics. */
export const MilestonesEditor = memo(function MilestonesEditor({ milestones, zone, onChange, timeline, day, onDay }: {
  milestones: Postmortem["milestones"];
  zone: string;
  onChange: (m: Postmortem["milestones"]) => void;
  timeline: TimelineEvent[];
  day: string | null;
  onDay: (day: string | null) => void;
}) {
  const suggested = useMemo(() => suggestMilestones(milestones, timeline), [milestones, timeline]);
  return (
    <div className="grid">
      <div className="milestone-inputs">
        <label className="incident-day"><span>Incident date (times below are on this day unless you pick another)</span>
          <input type="date" value={day ?? ""} onChange={(e) => onDay(e.target.value || null)} />
        </label>
        {MILESTONES.map((m) => (
          <ZonedInput key={m} path={`milestones.${m}`} label={MILESTONE_LABELS[m]} value={milestones[m]} zone={zone} defaultDate={day}
            suggestion={suggested[m]} onChange={(v) => {
              const next = { ...milestones };
              if (v) next[m] = v;
              else delete next[m];
              onChange(next);
            }} />
        ))}
      </div>
      <MetricsPanel milestones={milestones} />
    </div>
  );
});
