import { NextResponse } from "next/server";
import { maintenanceSchema } from "@/lib/status-schemas";
import { ops } from "@/server/status-ops";
import { apiUser, readJson } from "../../_lib/http";
import { publishAndAnswer } from "../_lib";

export async function POST(req: Request) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, maintenanceSchema);
  if (input instanceof NextResponse) return input;
  return publishAndAnswer(user, ops.maintenance(input), { status: 201 });
}
