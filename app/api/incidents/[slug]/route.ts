import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { deriveMetrics } from "@/lib/metrics";
import { apiUser, problem } from "../../_lib/http";

export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const user = await apiUser("viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const incident = getIncident(getDb(), slug);
  if (!incident) return problem(404, [`slug: no incident called "${slug}"`]);
  return NextResponse.json({ ...incident, metrics: deriveMetrics(incident.milestones) });
}
