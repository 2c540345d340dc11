// @ts-check
import { PublishError, maintenance } from "./apply.mjs";
import { isOpen } from "./state.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/**
 * The maintenance whose scheduled time has come (Statuspage's auto in-progress and auto complete):
 * scheduled ones whose start has passed go in progress; in-progress or verifying ones whose end has
 * passed are completed. One step per maintenance and call, so each is its own update and notice.
 * @param {SiteState} state @param {string} now
 * @returns {{ incident: Incident, status: "in_progress"|"completed", body: string }[]}
 */
export function dueMaintenance(state, now) {
  const at = Date.parse(now);
  const done = "The scheduled maintenance has been completed.";
  /** @type {{ incident: Incident, status: "in_progress"|"completed", body: string }[]} */
  const due = [];
  for (const i of state.incidents) {
    if (i.kind !== "maintenance" || !isOpen(i)) continue;
    const from = Date.parse(i.scheduled_for ?? ""), until = Date.parse(i.scheduled_until ?? "");
    if (at >= until) due.push({ incident: i, status: "completed", body: done });
    else if (i.status === "scheduled" && at >= from) due.push({ incident: i, status: "in_progress", body: "Scheduled maintenance is now in progress." });
  }
  return due;
}

/**
 * The operation for one due step, re-checked against the state under the lock, so a person who moved
 * the maintenance on by hand meanwhile wins and nothing is published twice (the operation refuses,
 * which publishes nothing).
 * @param {string} id @param {"in_progress"|"completed"} status @param {string} body
 * @returns {import("./publish.mjs").Operation}
 */
export function advanceMaintenance(id, status, body) {
  return (state, ctx, find) => {
    const current = find(id);
    const still = current && dueMaintenance({ ...state, incidents: [current] }, ctx.now).find((d) => d.status === status);
    if (!current || !still) throw new PublishError("incident", "this maintenance was already moved on");
    return maintenance(state, current, { status, body }, ctx);
  };
}
