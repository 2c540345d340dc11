import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { createUser, listUsers } from "@/db/users";
import { newUserSchema } from "@/lib/api-schemas";
import { generatePassword } from "@/lib/password";
import { apiUser, problem, readJson } from "../_lib/http";

export async function GET(req: Request) {
  const user = await apiUser(req, "admin");
  if (user instanceof NextResponse) return user;
  return NextResponse.json({ users: listUsers(getDb()) });
}

/** Creates an account; without a password one is generated and returned once, never stored in clear. */
export async function POST(req: Request) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  const body = await readJson(req, newUserSchema);
  if (body instanceof NextResponse) return body;
  const db = getDb();
  if (listUsers(db).some((u) => u.email.toLowerCase() === body.email.toLowerCase())) {
    return problem(409, [`email: ${body.email} already has an account`]);
  }
  const password = body.password ?? generatePassword();
  const user = createUser(db, { ...body, email: body.email.toLowerCase(), password });
  return NextResponse.json({ user, password: body.password ? undefined : password }, { status: 201 });
}
