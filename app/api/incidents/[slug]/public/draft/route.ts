import { NextResponse } from "next/server";
import { publicDraftSchema } from "@/lib/public-schemas";
import { generateDraft } from "@/server/public-postmortem";
import { apiUser, readJson } from "../../../../_lib/http";
import { handleSaveErrors, type SlugContext } from "../../../../_lib/incident-routes";

/** A first draft generated from the internal postmortem; saved only when the author saves it. */
export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, publicDraftSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => NextResponse.json(generateDraft(slug, input.actionItems)));
}
