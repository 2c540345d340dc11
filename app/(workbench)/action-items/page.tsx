import Link from "next/link";
import { requirePageUser } from "@/auth";
import { actionItemOwners, listActionItems } from "@/db/action-items";
import { getDb } from "@/db/connection";
import { actionItemFilterSchema, filtersToQuery, readFilters } from "@/lib/incident-filters";
import { ACTION_STATUSES } from "@/lib/model";

export const metadata = { title: "Action items" };

const label = (s: string) => s.replace(/_/g, " ");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every action item across postmortems, so nothing promised in a postmortem is forgotten: overdue first. */
export default async function ActionItemsPage({ searchParams }: Props) {
  const { filters, problems } = readFilters(actionItemFilterSchema, await searchParams);
  await requirePageUser(`/action-items${filtersToQuery(filters)}`);
  const db = getDb();
  const today = new Date().toISOString().slice(0, 10);
  const items = listActionItems(db, filters, today);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <>
      <h1>Action items</h1>
      <form method="get" className="panel filters" aria-label="Filter action items">
        <label><span>Owner</span>
          <select name="owner" defaultValue={filters.owner ?? ""}>
            <option value="">anyone</option>
            {actionItemOwners(db).map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label><span>Status</span>
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">still to do (open or in progress)</option>
            {ACTION_STATUSES.map((s) => <option key={s} value={s}>{label(s)}</option>)}
            <option value="all">all</option>
          </select>
        </label>
        <div className="filter-actions"><button type="submit">Show</button></div>
        {problems.length > 0 && <p className="field-error wide" role="alert">Not understood: {problems.join("; ")}</p>}
      </form>
      <div className="panel">
        <p className="muted" role="status">{items.length} action item{items.length === 1 ? "" : "s"}{overdue ? `, ${overdue} overdue` : ""}</p>
        {items.length > 0 && (
          <div className="table-wrap" role="region" aria-label="Action items" tabIndex={0}>
            <table>
              <thead><tr><th>Action</th><th>Postmortem</th><th>Owner</th><th>Due</th><th>Status</th><th>Type</th><th>Priority</th></tr></thead>
              <tbody>
                {items.map((a, n) => (
                  <tr key={n} className={a.overdue ? "overdue" : undefined}>
                    <td>{a.tracker && /^https?:\/\//.test(a.tracker) ? <a href={a.tracker}>{a.title}</a> : a.title}</td>
                    <td><Link href={`/incidents/${a.incidentSlug}`}>{a.incidentTitle}</Link></td>
                    <td>{a.owner || <span className="muted">nobody yet</span>}</td>
                    <td className="mono">{a.due ?? "—"}{a.overdue && <> <span className="badge major">overdue</span></>}</td>
                    <td>{label(a.status)}</td>
                    <td>{a.type}</td>
                    <td>{a.priority}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
