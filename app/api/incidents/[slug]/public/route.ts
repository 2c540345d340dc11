import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { publicSaveSchema } from "@/lib/public-schemas";
import { publicPostmortemView, savePublic } from "@/server/public-postmortem";
import { apiUser, readJson } from "../../../_lib/http";
import { handleSaveErrors, incidentOr404, type SlugContext } from "../../../_lib/incident-routes";

/** The customer version: its text, disclosure findings, what still blocks publishing, where it can go. */
export async function GET(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const found = incidentOr404(slug);
  if (found instanceof NextResponse) return found;
  return NextResponse.json(publicPostmortemView(getDb(), slug));
}

export async function PUT(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, publicSaveSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => {
    savePublic(user, slug, input, input.version);
    return NextResponse.json(publicPostmortemView(getDb(), slug));
  });
}
