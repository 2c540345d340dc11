import { NextResponse } from "next/server";
import { SaveError } from "@/db/incidents";
import { reviewSchema } from "@/lib/api-schemas";
import { moveReviewAndPublish } from "@/server/review";
import { apiUser, problem, readJson } from "../../../_lib/http";
import type { SlugContext } from "../../../_lib/incident-routes";
import { publishProblem } from "../../../status/_lib";

export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const body = await readJson(req, reviewSchema);
  if (body instanceof NextResponse) return body;
  try {
    return NextResponse.json(await moveReviewAndPublish(user, slug, body.to, body.version));
  } catch (err) {
    if (err instanceof SaveError) return problem(err.status, err.problems, err.current ? { current: err.current } : {});
    return publishProblem(err);
  }
}
