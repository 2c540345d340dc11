import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { changePasswordSchema } from "@/lib/api-schemas";
import { changeOwnPassword } from "@/server/accounts";
import { apiUser, problem, readJson } from "../../_lib/http";

/** Anyone signed in changes their own password; afterwards they sign in again everywhere. */
export async function POST(req: Request) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const body = await readJson(req, changePasswordSchema);
  if (body instanceof NextResponse) return body;
  const result = changeOwnPassword(getDb(), user.id, body.current, body.password);
  if (!result.ok) return problem(400, [result.problem]);
  return new Response(null, { status: 204 });
}
