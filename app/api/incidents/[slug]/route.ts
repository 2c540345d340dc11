import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { updateIncident } from "@/db/incidents";
import { updateIncidentSchema } from "@/lib/api-schemas";
import { stampClosed } from "@/lib/follow-ups";
import { deriveMetrics } from "@/lib/metrics";
import { apiUser, readJson } from "../../_lib/http";
import { handleSaveErrors, incidentOr404, withUnlisted, type SlugContext } from "../../_lib/incident-routes";

export async function GET(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const incident = incidentOr404((await ctx.params).slug);
  if (incident instanceof NextResponse) return incident;
  return NextResponse.json({ ...withUnlisted(incident), metrics: deriveMetrics(incident.milestones) });
}

const today = () => new Date().toISOString().slice(0, 10);

/** Saves the whole postmortem; `version` must be the version the edit started from (stale -> 409). */
export async function PUT(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const body = await readJson(req, updateIncidentSchema);
  if (body instanceof NextResponse) return body;
  const { version, ...pm } = body;
  return handleSaveErrors(() => NextResponse.json(withUnlisted(updateIncident(getDb(), slug, { ...pm, actionItems: stampClosed(pm.actionItems, today()) }, version, user.email))));
}
