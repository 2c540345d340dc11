import { NextResponse } from "next/server";
import { incidentUpdateSchema } from "@/lib/status-schemas";
import { ops } from "@/server/status-ops";
import { apiUser, readJson } from "../../../../_lib/http";
import { publishAndAnswer } from "../../../_lib";

/** Posts an update to an open incident: {"status", "body", "components"}. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, incidentUpdateSchema);
  if (input instanceof NextResponse) return input;
  return publishAndAnswer(user, ops.update((await ctx.params).id, input), { status: 201 });
}
