import type { BatchReport as Report } from "@/lib/import-report";
import { ImportReport } from "./ImportReport";

function outcome(f: Report["files"][number], saved: boolean): string {
  if (f.skipped) return "skipped";
  if (!f.ok) return "not imported";
  if (saved) return f.action === "update" ? "updated" : "created";
  return f.action === "update" ? "will update" : "will create";
}

/** A report per file and a total, for a preview or a saved batch. */
export function BatchReport({ report, saved }: { report: Report; saved: boolean }) {
  const t = report.total;
  return (
    <div className="batch-report">
      <p role="status"><strong>{t.files} files:</strong> {t.imported} {saved ? "imported" : "can be imported"} ({t.created} new, {t.updated} updated), {t.failed} not importable, {t.skipped} skipped.</p>
      <div className="table-wrap">
        <table>
          <thead><tr><th>File</th><th>Result</th><th>Postmortem</th><th>Events</th><th>Items</th><th>Lessons</th></tr></thead>
          <tbody>{report.files.map((f, i) => (
            <tr key={i} className={f.ok ? "" : "failed"}>
              <td className="break file" data-label="File">{f.name}</td>
              <td data-label="Result">{outcome(f, saved)}</td>
              <td className="break" data-label="Postmortem">{f.ok
                ? <>{saved ? <a href={`/incidents/${f.slug}`}>{f.title}</a> : f.title}
                  {(f.notes.length + f.derived.length + f.unmapped.length) > 0 && (
                    <details><summary>Report ({f.derived.length} derived, {f.notes.length} notes, {f.unmapped.length} kept)</summary>
                      <ImportReport report={f} timeZone={f.timeZone ?? "UTC"} headingLevel={2} />
                    </details>
                  )}</>
                : f.error}</td>
              <td data-label="Events">{f.counts?.events ?? ""}</td>
              <td data-label="Items">{f.counts?.actionItems ?? ""}</td>
              <td data-label="Lessons">{f.counts?.lessons ?? ""}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
    </div>
  );
}
