import { NextResponse } from "next/server";
import { SaveError } from "@/db/incidents";
import { linkPostmortemSchema } from "@/lib/status-schemas";
import { incident as incidentShape } from "@/publisher/api.mjs";
import { PublishBlocked, publishPublic } from "@/server/public-postmortem";
import { getDb } from "@/db/connection";
import { getPublicVersion } from "@/db/public-postmortems";
import { apiUser, problem, readJson } from "../../../../_lib/http";
import { publishProblem } from "../../../_lib";

/**
 * Puts a postmortem on the status site and links it from this incident. Only its customer version
 * goes out, with the same checks as publishing it from its own page (disclosure, approvals); the
 * internal postmortem itself never reaches the public site.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, linkPostmortemSchema);
  if (input instanceof NextResponse) return input;
  const pub = getPublicVersion(getDb(), input.postmortem);
  if (!pub) return problem(400, [`postmortem: "${input.postmortem}" has no customer version; write one at /incidents/${input.postmortem}/public, have it reviewed, then publish it`]);
  try {
    const result = await publishPublic(user, input.postmortem, { version: pub.version, statusIncident: (await ctx.params).id, notify: false });
    return NextResponse.json(incidentShape(result.state, result.incident!));
  } catch (err) {
    if (err instanceof PublishBlocked) return problem(400, err.problems);
    if (err instanceof SaveError) return problem(err.status, err.problems);
    return publishProblem(err);
  }
}
