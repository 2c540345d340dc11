import { NextResponse } from "next/server";
import { hasRole } from "@/auth";
import { getDb } from "@/db/connection";
import { droppedInUse, getCatalog } from "@/db/services";
import { catalogSchema } from "@/lib/catalog";
import { previewCatalog, saveCatalog } from "@/server/catalog-publish";
import { apiUser, problem, readJson } from "../_lib/http";
import { publishProblem } from "../status/_lib";

/** The catalog in the format of content/services.json (also its export). */
export async function GET(req: Request) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const download = new URL(req.url).searchParams.has("download");
  return NextResponse.json(getCatalog(getDb()), download ? { headers: { "content-disposition": 'attachment; filename="services.json"' } } : {});
}

/**
 * Replaces the whole catalog (import) and publishes what changes for the status page's components in
 * the same request; any problem leaves the catalog and the live site exactly as they were.
 * `?preview=1` writes nothing and answers with the status page changes in words.
 */
export async function PUT(req: Request) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const catalog = await readJson(req, catalogSchema);
  if (catalog instanceof NextResponse) return catalog;
  const db = getDb();
  const inUse = droppedInUse(db, catalog);
  if (inUse.length) return problem(409, inUse);
  try {
    const statusPage = previewCatalog(user, catalog);
    if (new URL(req.url).searchParams.get("preview") === "1") return NextResponse.json({ statusPageChanges: statusPage });
    // Changing what customers see is publishing: the same role as posting a status update.
    if (statusPage.length && !hasRole(user, "responder")) {
      return problem(403, [`auth: this catalog changes the public status page (${statusPage.join("; ")}); that needs the responder role (you have ${user.role})`]);
    }
    const statusPageChanges = await saveCatalog(user, catalog);
    return NextResponse.json({ ...getCatalog(db), statusPageChanges });
  } catch (err) {
    return publishProblem(err);
  }
}
