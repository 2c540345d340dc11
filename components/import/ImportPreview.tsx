import { MILESTONES, MILESTONE_LABELS } from "@/lib/model";
import type { FileReport } from "@/lib/import-report";
import { stamp } from "@/lib/markdown/export";
import { ImportReport } from "./ImportReport";

const LESSON_HEADINGS = { went_well: "Went well", went_wrong: "Went wrong", got_lucky: "Got lucky" } as const;
const SHOWN_EVENTS = 200;

/** The structure the importer recognised in one document, before anything is saved. */
export function ImportPreview({ report }: { report: FileReport }) {
  const pm = report.postmortem!;
  const derived = new Set(report.derived.map((d) => d.milestone));
  const zone = pm.timeZone;
  return (
    <article className="import-preview" aria-label={`Preview of ${pm.title}`}>
      <h2>{pm.title}</h2>
      <p>
        {report.action === "update"
          ? <>Updates <a href={`/incidents/${pm.slug}`}>{pm.slug}</a>, imported before from this file{report.replaces && <> (version {report.replaces.version}, last saved {report.replaces.updatedAt.slice(0, 16).replace("T", " ")} UTC; it stays in the history)</>}.</>
          : <>A new draft, <code>{pm.slug}</code>.</>}
        {" "}{pm.severity} · {pm.status} · shown in {zone}
      </p>

      <h3>Import report</h3>
      <ImportReport report={report} timeZone={zone} />

      <h3>Milestones</h3>
      <dl className="milestones">
        {MILESTONES.filter((m) => pm.milestones[m]).map((m) => (
          <div key={m}><dt>{MILESTONE_LABELS[m]}</dt><dd>{stamp(pm.milestones[m]!, zone)}{derived.has(m) && <span className="tag"> derived</span>}</dd></div>
        ))}
      </dl>
      {!MILESTONES.some((m) => pm.milestones[m]) && <p className="muted">None stated or derived.</p>}

      <h3>Timeline ({pm.timeline.length} events)</h3>
      {pm.timeline.length ? (
        <ol className="preview-timeline">
          {pm.timeline.slice(0, SHOWN_EVENTS).map((e, i) => (
            <li key={i}><time dateTime={e.at}>{stamp(e.at, zone)}</time> <span className="event-text">{e.text}</span></li>
          ))}
        </ol>
      ) : <p className="muted">No events with a time were found.</p>}
      {pm.timeline.length > SHOWN_EVENTS && <p className="muted">and {pm.timeline.length - SHOWN_EVENTS} more.</p>}

      <h3>Causes ({pm.causes.length})</h3>
      {pm.causes.length > 0 && <ul>{pm.causes.map((c, i) => <li key={i}><strong>{c.kind.replace("_", " ")}:</strong> {c.text}</li>)}</ul>}

      <h3>Action items ({pm.actionItems.length})</h3>
      {pm.actionItems.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Priority</th><th>Status</th><th>Tracker</th></tr></thead>
            <tbody>{pm.actionItems.map((a, i) => (
              <tr key={i}><td>{a.title}</td><td>{a.owner}</td><td>{a.due ?? ""}</td><td>{a.priority}</td><td>{a.status.replace("_", " ")}</td><td className="break">{a.tracker}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}

      <h3>Lessons ({pm.lessons.length})</h3>
      {(Object.keys(LESSON_HEADINGS) as (keyof typeof LESSON_HEADINGS)[]).map((kind) => {
        const items = pm.lessons.filter((l) => l.kind === kind);
        return items.length ? <div key={kind}><h4>{LESSON_HEADINGS[kind]}</h4><ul>{items.map((l, i) => <li key={i}>{l.text}</li>)}</ul></div> : null;
      })}
    </article>
  );
}
