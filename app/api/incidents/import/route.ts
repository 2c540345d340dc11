import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { createIncident } from "@/db/incidents";
import { importPostmortem } from "@/lib/markdown/import";
import { apiUser, readBody } from "../../_lib/http";
import { handleSaveErrors, withUnlisted } from "../../_lib/incident-routes";

/** Markdown in the body -> a new draft incident, plus what could not be mapped and what was assumed. */
export async function POST(req: Request) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const text = await readBody(req);
  if (text instanceof NextResponse) return text;
  return handleSaveErrors(() => {
    const { postmortem, unmapped, notes } = importPostmortem(text);
    const incident = withUnlisted(createIncident(getDb(), postmortem, user.email));
    return NextResponse.json({ incident, unmapped, notes }, { status: 201 });
  });
}
