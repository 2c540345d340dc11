import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { listCauseTags, replaceCauseTags } from "@/db/cause-tags";
import { causeTagsSchema } from "@/lib/cause-tags";
import { apiUser, readJson } from "../_lib/http";

/** The cause taxonomy: anyone signed in reads it (the editor suggests from it); admins change it. */
export async function GET(req: Request) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  return NextResponse.json({ tags: listCauseTags(getDb()) });
}

export async function PUT(req: Request) {
  const user = await apiUser(req, "admin");
  if (user instanceof NextResponse) return user;
  const body = await readJson(req, causeTagsSchema);
  if (body instanceof NextResponse) return body;
  return NextResponse.json({ tags: replaceCauseTags(getDb(), body.tags) });
}
