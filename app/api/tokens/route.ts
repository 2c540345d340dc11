import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { createToken, listTokens } from "@/db/tokens";
import { newTokenSchema } from "@/lib/api-schemas";
import { apiUser, readJson } from "../_lib/http";

export async function GET(req: Request) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  return NextResponse.json({ tokens: listTokens(getDb()) });
}

/** The token itself is in this answer only; the database keeps its hash. */
export async function POST(req: Request) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  const body = await readJson(req, newTokenSchema);
  if (body instanceof NextResponse) return body;
  return NextResponse.json(createToken(getDb(), admin, body.name, body.role), { status: 201 });
}
