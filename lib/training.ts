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

export interface ScenarioResults {
  scenario: string;
  runs: number;
  passed: number;
  bestFirstPublishMs: number | null;
  last: DrillRecord;
}

/** Each drill scenario's results: how often it was run and passed, the best time to first publish, and the latest run. */
export function scenarioSummary(drills: DrillRecord[]): ScenarioResults[] {
  const byScenario = new Map<string, DrillRecord[]>();
  for (const d of drills) byScenario.set(d.scenario, [...(byScenario.get(d.scenario) ?? []), d]);
  return [...byScenario].map(([scenario, runs]) => {
    const sorted = [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    const times = runs.filter((r) => r.passed && r.firstPublishMs !== null).map((r) => r.firstPublishMs as number);
    return { scenario, runs: runs.length, passed: runs.filter((r) => r.passed).length, bestFirstPublishMs: times.length ? Math.min(...times) : null, last: sorted.at(-1)! };
  }).sort((a, b) => a.scenario.localeCompare(b.scenario));
}
