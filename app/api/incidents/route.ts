import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { listIncidents } from "@/db/incidents";
import { apiUser } from "../_lib/http";

export async function GET() {
  const user = await apiUser("viewer");
  if (user instanceof NextResponse) return user;
  return NextResponse.json({ incidents: listIncidents(getDb()) });
}
