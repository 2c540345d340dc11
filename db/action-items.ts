import type { Database } from "better-sqlite3";
import type { ActionItem } from "../lib/model";
import type { ActionItemFilters } from "../lib/incident-filters";

export interface ActionItemRow extends ActionItem {
  incidentSlug: string;
  incidentTitle: string;
  overdue: boolean;
}

/**
 * Action items across every postmortem: by default the ones still to do. Overdue first (most overdue at the top),
 * then by due date, undated last. `today` is a YYYY-MM-DD date, passed in so the caller decides the clock.
 */
export function listActionItems(db: Database, f: ActionItemFilters, today: string): ActionItemRow[] {
  const where: string[] = [];
  const params: Record<string, string> = { today };
  if (!f.status) where.push("a.status IN ('open', 'in_progress')");
  else if (f.status !== "all") (where.push("a.status = @status"), (params.status = f.status));
  if (f.owner) (where.push("a.owner = @owner COLLATE NOCASE"), (params.owner = f.owner));
  const rows = db.prepare(`SELECT a.title, a.type, a.priority, a.owner, a.due, a.status, a.tracker,
      i.slug AS incidentSlug, i.title AS incidentTitle,
      (a.due IS NOT NULL AND a.due < @today AND a.status IN ('open', 'in_progress')) AS overdue
    FROM action_items a JOIN incidents i ON i.id = a.incident_id
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY overdue DESC, a.due IS NULL, a.due, a.priority, i.slug, a.position`).all(params) as (Omit<ActionItemRow, "overdue"> & { overdue: number })[];
  return rows.map((r) => ({ ...r, overdue: r.overdue === 1 }));
}

/** Everyone who owns an action item, for the owner filter. */
export function actionItemOwners(db: Database): string[] {
  return db.prepare("SELECT DISTINCT owner FROM action_items WHERE owner <> '' ORDER BY owner COLLATE NOCASE").pluck().all() as string[];
}
