import { NextResponse } from "next/server";
import { currentUser, hasRole } from "@/auth";
import type { User } from "@/db/users";
import type { Role } from "@/lib/model";

/** A JSON error whose messages each name the field they are about. */
export function problem(status: number, problems: string[]): NextResponse {
  return NextResponse.json({ error: problems[0] ?? "error", problems }, { status });
}

/** The signed-in user with at least `role`, or the 401/403 response to send instead. */
export async function apiUser(role: Role): Promise<User | NextResponse> {
  const user = await currentUser();
  if (!user) return problem(401, ["auth: sign in required"]);
  if (!hasRole(user, role)) return problem(403, [`auth: needs the ${role} role`]);
  return user;
}
