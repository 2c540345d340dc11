import { NextResponse } from "next/server";
import { startIncidentSchema } from "@/lib/status-schemas";
import { ops } from "@/server/status-ops";
import { apiUser, readJson } from "../../_lib/http";
import { publishAndAnswer } from "../_lib";

/** Starts a public incident: {"name", "impact", "status", "body", "components": {"<id or slug>": "<status>"}}. */
export async function POST(req: Request) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, startIncidentSchema);
  if (input instanceof NextResponse) return input;
  return publishAndAnswer(user, ops.start(input), { linkTo: input.postmortem, status: 201 });
}
