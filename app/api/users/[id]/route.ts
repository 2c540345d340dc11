import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { setRole } from "@/db/users";
import { setRoleSchema } from "@/lib/api-schemas";
import { apiUser, problem, readJson } from "../../_lib/http";

export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  const body = await readJson(req, setRoleSchema);
  if (body instanceof NextResponse) return body;
  const result = setRole(getDb(), Number((await ctx.params).id), body.role);
  if (result === null) return problem(404, ["id: no such user"]);
  if (result === "last-admin") return problem(409, ["role: this is the only admin; make someone else admin first"]);
  return NextResponse.json(result);
}
