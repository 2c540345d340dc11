import "server-only";
import { getDb } from "@/db/connection";
import { getIncident, SaveError } from "@/db/incidents";
import { moveReview } from "@/db/review";
import { statusIncidentFor } from "@/db/status";
import type { User } from "@/db/users";
import type { Postmortem } from "@/lib/model";
import { unlinkPostmortem } from "@/publisher/apply.mjs";
import { findIncident } from "@/publisher/publish.mjs";
import { readState } from "@/publisher/site.mjs";
import { reviewGate } from "./public-postmortem";
import { publishFromApp } from "./publish";
import { siteDir } from "./site-config";

/**
 * Moves a postmortem through review. One that leaves "published" also leaves the public site: every
 * status incident that links its page stops linking it, and the page is removed, in one publish each.
 */
export async function moveReviewAndPublish(user: User, slug: string, to: Postmortem["postmortemStatus"], baseVersion: number) {
  const db = getDb();
  const before = getIncident(db, slug)?.postmortemStatus;
  // Final means reviewed: the approvals the settings require, none of them the author's own.
  const gate = to === "published" && before !== "published" ? reviewGate(db, slug, "publishing the postmortem as final") : null;
  if (gate) throw new SaveError(400, [gate]);
  const saved = moveReview(db, slug, to, baseVersion, user.email);
  if (before === "published" && to !== "published") {
    const page = `postmortems/${slug}.html`;
    const site = siteDir();
    for (const id of statusIncidentFor(db, slug)) {
      if (findIncident(site, readState(site), id)?.postmortem_url !== page) continue;
      await publishFromApp(user, (s, ctx, find) => unlinkPostmortem(s, find(id)!, ctx));
    }
  }
  return saved;
}
