import { NextResponse } from "next/server";
import { SaveError } from "@/db/incidents";
import { publicPublishSchema } from "@/lib/public-schemas";
import { incident as incidentShape } from "@/publisher/api.mjs";
import { PublishBlocked, publishPublic } from "@/server/public-postmortem";
import { apiUser, problem, readJson } from "../../../../_lib/http";
import type { SlugContext } from "../../../../_lib/incident-routes";
import { publishProblem } from "../../../../status/_lib";

/** Publishes the approved, checked customer version on the status site. */
export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, publicPublishSchema);
  if (input instanceof NextResponse) return input;
  try {
    const result = await publishPublic(user, slug, input);
    return NextResponse.json(incidentShape(result.state, result.incident!));
  } catch (err) {
    if (err instanceof PublishBlocked) return problem(400, err.problems);
    if (err instanceof SaveError) return problem(err.status, err.problems);
    return publishProblem(err);
  }
}
