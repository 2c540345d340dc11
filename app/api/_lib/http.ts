import { NextResponse } from "next/server";
import { currentUser, hasRole } from "@/auth";
import { getDb } from "@/db/connection";
import { userForToken } from "@/db/tokens";
import type { User } from "@/db/users";
import { describeIssues, type Role } from "@/lib/model";
import { bearerToken } from "@/lib/tokens";
import { parseJsonText } from "@/lib/api-schemas";
import type { z } from "zod";

export const MAX_BODY_BYTES = 1_000_000;

/** A JSON error whose messages each name the field they are about. */
export function problem(status: number, problems: string[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error: problems[0] ?? "error", problems, ...extra }, { status, headers });
}

/** The caller (API token or session) with at least `role`, or the 401/403 response to send instead. */
export async function apiUser(req: Request | null, role: Role): Promise<User | NextResponse> {
  const token = req ? bearerToken(req.headers.get("authorization")) : null;
  const user = token ? userForToken(getDb(), token) : await currentUser();
  if (!user) return problem(401, [token ? "auth: unknown or revoked API token" : "auth: sign in required"]);
  if (!hasRole(user, role)) return problem(403, [`auth: needs the ${role} role (you have ${user.role})`]);
  return user;
}

/** Reads a request body as text, refusing anything over 1 MB before parsing it. */
export async function readBody(req: Request): Promise<string | NextResponse> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return problem(413, ["body: larger than 1 MB"]);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return problem(413, ["body: larger than 1 MB"]);
  return text;
}

/** Parses and validates a JSON body with a schema from lib/, naming every bad field. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T> | NextResponse> {
  const text = await readBody(req);
  if (text instanceof NextResponse) return text;
  const json = parseJsonText(text);
  if (!json.ok) return problem(400, [json.problem]);
  const parsed = schema.safeParse(json.data);
  if (!parsed.success) return problem(400, describeIssues(parsed.error));
  return parsed.data;
}
