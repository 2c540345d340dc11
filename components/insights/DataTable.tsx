import type { InsightTable } from "@/lib/insight-report";

/**
 * One insights table, with the link to the same table as CSV (filters kept). `collapsed` puts a long table behind a summary line (the chart above carries the same
 * figures); its CSV link stays in view.
 */
export function DataTable({ table, query, render, collapsed, limit = 120 }: {
  table: InsightTable; query: string; render?: (row: InsightTable["rows"][number], n: number) => React.ReactNode; collapsed?: string; limit?: number;
}) {
  const rows = table.rows.slice(0, limit);
  const csv = `/api/insights?${new URLSearchParams([...new URLSearchParams(query), ["format", "csv"], ["table", table.name]]).toString()}`;
  const body = table.rows.length ? (
        <div className="table-wrap" role="region" aria-label={table.title} tabIndex={0}>
          <table>
            <caption className="muted">{table.title}</caption>
            <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
            <tbody>
              {rows.map((row, n) => render ? render(row, n) : (
                <tr key={n}>{row.map((cell, i) => <td key={i} className={typeof cell === "number" ? "num" : undefined}>{cell ?? "—"}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
  ) : <p className="muted">Nothing to show for these filters.</p>;
  return (
    <div className="data-table">
      {collapsed && table.rows.length ? <details><summary>{collapsed}</summary>{body}</details> : body}
      {rows.length < table.rows.length && <p className="muted">Showing the first {rows.length} of {table.rows.length.toLocaleString("en-US")} rows; the CSV has them all.</p>}
      <p className="csv-link"><a href={csv} download>Download “{table.title}” as CSV</a></p>
    </div>
  );
}
