import { MILESTONE_LABELS } from "@/lib/model";
import type { FileReport } from "@/lib/import-report";
import { stamp } from "@/lib/markdown/export";

/** The import report of one file: milestones derived, adjustments and guesses, what went to Supporting information. */
export function ImportReport({ report, timeZone, headingLevel = 4 }: { report: FileReport; timeZone: string; headingLevel?: 2 | 3 | 4 }) {
  const { derived, notes, unmapped } = report;
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  if (!derived.length && !notes.length && !unmapped.length) return <p className="muted">Nothing was adjusted or guessed.</p>;
  return (
    <div className="import-report">
      {derived.length > 0 && <>
        <H>Milestones derived from the timeline</H>
        <ul>{derived.map((d) => <li key={d.milestone}><strong>{MILESTONE_LABELS[d.milestone]}</strong> {stamp(d.at, timeZone)} — from “{d.from}”</li>)}</ul>
      </>}
      {notes.length > 0 && <>
        <H>Adjusted or guessed — please check</H>
        <ul>{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
      </>}
      {unmapped.length > 0 && <>
        <H>Kept under Supporting information</H>
        <ul>{unmapped.map((u, i) => <li key={i}>{u}</li>)}</ul>
      </>}
    </div>
  );
}
