"use client";
import { memo } from "react";
import { MILESTONES, MILESTONE_LABELS, type Postmortem } from "@/lib/model";
import { MetricsPanel } from "../incident/MetricsPanel";
import { ZonedInput } from "./ZonedInput";

/** Milestones typed in the incident's zone, with the metrics they give recomputed as you type. */
export const MilestonesEditor = memo(function MilestonesEditor({ milestones, zone, onChange }: {
  milestones: Postmortem["milestones"];
  zone: string;
  onChange: (m: Postmortem["milestones"]) => void;
}) {
  return (
    <div className="grid">
      <div className="milestone-inputs">
        {MILESTONES.map((m) => (
          <ZonedInput key={m} path={`milestones.${m}`} label={MILESTONE_LABELS[m]} value={milestones[m]} zone={zone} onChange={(v) => {
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
