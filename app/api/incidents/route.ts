import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { createIncident, listIncidents } from "@/db/incidents";
import { incidentFilterSchema, readFilters } from "@/lib/incident-filters";
import { stampClosed } from "@/lib/follow-ups";
import { postmortemSchema } from "@/lib/model";
import { apiUser, problem, readJson } from "../_lib/http";
import { handleSaveErrors, withUnlisted } from "../_lib/incident-routes";

export async function GET(req: Request) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { filters, problems } = readFilters(incidentFilterSchema, Object.fromEntries(new URL(req.url).searchParams));
  if (problems.length) return problem(400, problems);
  return NextResponse.json({ incidents: listIncidents(getDb(), filters) });
}

export async function POST(req: Request) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const pm = await readJson(req, postmortemSchema);
  if (pm instanceof NextResponse) return pm;
  return handleSaveErrors(() => NextResponse.json(withUnlisted(createIncident(getDb(), { ...pm, postmortemStatus: "draft", actionItems: stampClosed(pm.actionItems, new Date().toISOString().slice(0, 10)) }, user.email)), { status: 201 }));
}
