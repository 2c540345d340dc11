import { NextResponse } from "next/server";
import { previewSchema } from "@/lib/status-schemas";
import { preview } from "@/publisher/publish.mjs";
import { ops } from "@/server/status-ops";
import { siteDir } from "@/server/site-config";
import { apiUser, readJson } from "../../_lib/http";
import { publishProblem } from "../_lib";

/** Exactly what a publish would put out (same renderer, same state), without writing anything. */
export async function POST(req: Request) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, previewSchema);
  if (input instanceof NextResponse) return input;
  const op = input.action === "start" ? ops.start(input) : input.action === "update" ? ops.update(input.id, input) : ops.banner(input);
  try {
    return NextResponse.json(preview(siteDir(), op, { author: user.email, origin: "app" }));
  } catch (err) {
    return publishProblem(err);
  }
}
