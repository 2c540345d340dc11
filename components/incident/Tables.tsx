import { LESSON_KINDS, type ActionItem, type ImpactWindow, type Lesson } from "@/lib/model";
import { formatInZone } from "@/lib/time/zone";
import { Markdown } from "../Markdown";

const label = (s: string) => s.replace(/_/g, " ");

export function ImpactTable({ windows, timeZone }: { windows: ImpactWindow[]; timeZone: string }) {
  if (!windows.length) return null;
  return (
    <div className="table-wrap" role="region" aria-labelledby="impact-windows-h" tabIndex={0}>
      <h3 id="impact-windows-h">Impact windows</h3>
      <table>
        <thead><tr><th>Service</th><th>Condition</th><th>From</th><th>To</th></tr></thead>
        <tbody>
          {windows.map((w, i) => (
            <tr key={i}>
              <td>{w.service}{w.origin && <> <span className="badge">origin</span></>}</td>
              <td><span className={`badge ${w.condition}`}>{w.condition}</span></td>
              <td className="mono">{formatInZone(w.start, timeZone)}</td>
              <td className="mono">{w.end ? formatInZone(w.end, timeZone) : "ongoing"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ActionItemsTable({ items }: { items: ActionItem[] }) {
  return (
    <section className="panel table-wrap" aria-labelledby="actions-h" tabIndex={0}>
      <h2 id="actions-h">Action items</h2>
      {items.length === 0 ? <p className="muted">None recorded.</p> : (
        <table>
          <thead><tr><th>Action</th><th>Type</th><th>Priority</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead>
          <tbody>
            {items.map((a, i) => (
              <tr key={i}>
                <td>{a.tracker && /^https?:\/\//.test(a.tracker) ? <a href={a.tracker} rel="noreferrer">{a.title}</a> : a.title}</td>
                <td>{a.type}</td>
                <td>{a.priority}</td>
                <td>{a.owner || "—"}</td>
                <td>{a.due ?? "—"}</td>
                <td>{label(a.status)}{a.closed ? ` (${a.closed})` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const LESSON_HEADINGS: Record<Lesson["kind"], string> = {
  went_well: "What went well",
  went_wrong: "What went wrong",
  got_lucky: "Where we got lucky",
};

export function LessonsPanel({ lessons }: { lessons: Lesson[] }) {
  return (
    <section className="panel lessons" aria-labelledby="lessons-h">
      <h2 id="lessons-h">Lessons learned</h2>
      <div className="grid">
        {LESSON_KINDS.map((kind) => (
          <section key={kind} aria-label={LESSON_HEADINGS[kind]}>
            <h3>{LESSON_HEADINGS[kind]}</h3>
            <ul>{lessons.filter((l) => l.kind === kind).map((l, i) => <li key={i}><Markdown source={l.text} /></li>)}</ul>
          </section>
        ))}
      </div>
    </section>
  );
}
