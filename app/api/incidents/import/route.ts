import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { createIncident } from "@/db/incidents";
import { importWithinLimit, ImportTooSlow } from "@/server/import-markdown";
import { apiUser, problem, readBody } from "../../_lib/http";
import { handleSaveErrors } from "../../_lib/incident-routes";

/** Markdown in the body -> a new draft incident, plus what could not be mapped and what was assumed. */
export async function POST(req: Request) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const text = await readBody(req);
  if (text instanceof NextResponse) return text;
  return handleSaveErrors(() => {
    let imported;
    try {
      imported = importWithinLimit(text);
    } catch (err) {
      if (err instanceof ImportTooSlow) return problem(422, err.problems);
      throw err;
    }
    const { postmortem, unmapped, notes } = imported;
    const incident = createIncident(getDb(), postmortem, user.email);
    return NextResponse.json({ incident, unmapped, notes }, { status: 201 });
  });
}
