import { NextResponse } from "next/server";
import { bannerSchema } from "@/lib/status-schemas";
import { ops } from "@/server/status-ops";
import { apiUser, readJson } from "../../_lib/http";
import { publishAndAnswer } from "../_lib";

/** Sets the site-wide banner; an empty text removes it. */
export async function PUT(req: Request) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, bannerSchema);
  if (input instanceof NextResponse) return input;
  return publishAndAnswer(user, ops.banner(input));
}
