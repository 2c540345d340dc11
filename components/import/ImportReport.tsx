import { MILESTONE_LABELS } from "@/lib/model";
import type { FileReport } from "@/lib/import-report";
import { stamp } from "@/lib/markdown/export";

/** The import report of one file: milestones derived, adjustments and guesses, what went to Supporting information. */
export function ImportReport({ report, timeZone }: { report: FileReport; timeZone: string }) {
  const { derived, notes, unmapped } = report;
  if (!derived.length && !notes.length && !unmapped.length) return <p className="muted">Nothing was adjusted or guessed.</p>;
  return (
    <div className="import-report">
      {derived.length > 0 && <>
        <h4>Milestones derived from the timeline</h4>
        <ul>{derived.map((d) => <li key={d.milestone}><strong>{MILESTONE_LABELS[d.milestone]}</strong> {stamp(d.at, timeZone)} — from “{d.from}”</li>)}</ul>
      </>}
      {notes.length > 0 && <>
        <h4>Adjusted or guessed — please check</h4>
        <ul>{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
      </>}
      {unmapped.length > 0 && <>
        <h4>Kept under Supporting information</h4>
        <ul>{unmapped.map((u, i) => <li key={i}>{u}</li>)}</ul>
      </>}
    </div>
  );
}
