import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { acceptFindingSchema } from "@/lib/public-schemas";
import { acceptPublicFinding, publicPostmortemView } from "@/server/public-postmortem";
import { apiUser, readJson } from "../../../../_lib/http";
import { handleSaveErrors, type SlugContext } from "../../../../_lib/incident-routes";

/** Lets a disclosure finding through on purpose; who accepted it is recorded. */
export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, acceptFindingSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => {
    acceptPublicFinding(user, slug, input.key);
    return NextResponse.json(publicPostmortemView(getDb(), slug));
  });
}
