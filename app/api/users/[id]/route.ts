import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { updateUserSchema } from "@/lib/api-schemas";
import { deleteAccount, updateAccount } from "@/server/accounts";
import { apiUser, problem, readJson } from "../../_lib/http";

type Ctx = { params: Promise<{ id: string }> };

/** Admins change a person's role, disable or enable them, or set a new password for them. */
export async function PATCH(req: Request, ctx: Ctx) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  const body = await readJson(req, updateUserSchema);
  if (body instanceof NextResponse) return body;
  const result = updateAccount(getDb(), Number((await ctx.params).id), body);
  if (!result.ok) return problem(result.status, [result.problem]);
  return NextResponse.json(result.password ? { ...result.user, password: result.password } : result.user);
}

/** Admins remove a person, with their sessions and API tokens. */
export async function DELETE(req: Request, ctx: Ctx) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  const result = deleteAccount(getDb(), Number((await ctx.params).id));
  if (!result.ok) return problem(result.status, [result.problem]);
  return new Response(null, { status: 204 });
}
