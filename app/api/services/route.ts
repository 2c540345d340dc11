import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { droppedInUse, getCatalog, replaceCatalog } from "@/db/services";
import { catalogSchema } from "@/lib/catalog";
import { apiUser, problem, readJson } from "../_lib/http";

/** The catalog in the format of content/services.json (also its export). */
export async function GET(req: Request) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const download = new URL(req.url).searchParams.has("download");
  return NextResponse.json(getCatalog(getDb()), download ? { headers: { "content-disposition": 'attachment; filename="services.json"' } } : {});
}

/** Replaces the whole catalog (import); any problem leaves the catalog exactly as it was. */
export async function PUT(req: Request) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const catalog = await readJson(req, catalogSchema);
  if (catalog instanceof NextResponse) return catalog;
  const db = getDb();
  const inUse = droppedInUse(db, catalog);
  if (inUse.length) return problem(409, inUse);
  replaceCatalog(db, catalog);
  return NextResponse.json(getCatalog(db));
}
