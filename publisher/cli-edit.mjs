// @ts-check
import { editUpdate, PublishError } from "./apply.mjs";
import { UsageError } from "./cli-args.mjs";
import { run } from "./cli-commands.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/**
 * The incident a correction is for: by id (open, resolved or in history), or "latest", the newest one
 * whether open or resolved.
 * @param {SiteState} state @param {(id: string) => Incident|null} find @param {string} id
 */
export function incidentToEdit(state, find, id) {
  const found = id === "latest" ? [...state.incidents].sort((a, b) => b.seq - a.seq)[0] ?? null : find(id);
  if (!found) throw new PublishError("incident", `no incident "${id}"; "history" lists recent publishes with their incident ids`);
  return found;
}

/** `edit`: fixes the wording of a published update and republishes; the journal names the update corrected. */
/** @param {Ctx} c */
export function edit(c) {
  const f = c.flags;
  if (!f.incident) throw new UsageError('which incident? add --incident ID (or --incident latest for the newest, open or resolved)');
  if (f.message === undefined) throw new UsageError('add --message "…" with the corrected wording');
  return run(c, (s, ctx, find) => editUpdate(s, incidentToEdit(s, find, f.incident), { update: f.update, body: f.message }, ctx));
}
