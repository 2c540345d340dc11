// @ts-check
import { emptyState } from "./state.mjs";

/** A small fixed site state for tests and examples: three components in two groups. */
export function fixtureState(now = "2026-01-05T10:00:00.000Z") {
  const state = emptyState({ id: "sitrep-test", name: "Example", url: "https://status.example.com", time_zone: "UTC" }, now);
  /** @type {Array<[string, string, string]>} */
  const rows = [["api", "Public API", "Core"], ["web", "Website", "Core"], ["email", "Email delivery", "Messaging"]];
  state.components = rows.map(([slug, name, group], position) => ({
    id: slug, slug, name, description: "", group_name: group, position, status: "operational", created_at: now, updated_at: now,
  }));
  return state;
}
