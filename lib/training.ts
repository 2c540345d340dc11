export interface DrillRecord {
  operator: string;
  scenario: string;
  startedAt: string;
  firstPublishMs: number | null;
  wrongTurns: number;
  passed: boolean;
}

export interface OperatorTraining {
  operator: string;
  last: DrillRecord | null;
  /** Time to first publish, oldest first, for the trend. */
  trend: (number | null)[];
  overdue: boolean;
  dueOn: string | null;
}

/**
 * Who has practised the backup publisher, how it went, and who is due: everyone expected to publish
 * (responders and admins) plus anyone who ran a drill, each overdue after `intervalDays` without one.
 */
export function trainingSummary(drills: DrillRecord[], expected: string[], intervalDays: number, now: Date): OperatorTraining[] {
  const names = [...new Set([...expected, ...drills.map((d) => d.operator)])];
  return names.map((operator) => {
    const mine = drills.filter((d) => d.operator.toLowerCase() === operator.toLowerCase()).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    const last = mine.at(-1) ?? null;
    const due = last ? new Date(Date.parse(last.startedAt) + intervalDays * 86_400_000) : null;
    return { operator, last, trend: mine.slice(-8).map((d) => d.firstPublishMs), overdue: !due || due < now, dueOn: due ? due.toISOString().slice(0, 10) : null };
  }).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.operator.localeCompare(b.operator));
}
