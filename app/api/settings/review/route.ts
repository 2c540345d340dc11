import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { reviewPolicySchema } from "@/lib/public-schemas";
import { reviewPolicy, saveReviewPolicy } from "@/server/review-policy";
import { apiUser, readJson } from "../../_lib/http";

/** The review rules: approvals needed, and review deadlines by severity. */
export async function GET(req: Request) {
  const user = await apiUser(req, "admin");
  if (user instanceof NextResponse) return user;
  return NextResponse.json(reviewPolicy(getDb()));
}

export async function PUT(req: Request) {
  const user = await apiUser(req, "admin");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, reviewPolicySchema);
  if (input instanceof NextResponse) return input;
  saveReviewPolicy(getDb(), input);
  return NextResponse.json(reviewPolicy(getDb()));
}
