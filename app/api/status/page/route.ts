import { NextResponse } from "next/server";
import { pageSettingsSchema } from "@/lib/page-settings-schema";
import { currentPageSettings, previewPageSettings, savePageSettings } from "@/server/page-settings";
import { apiUser, readJson } from "../../_lib/http";
import { publishProblem } from "../_lib";

/** The status page's settings (name, address, time zone, links, images, accent colour). Admins only. */
export async function GET(req: Request) {
  const user = await apiUser(req, "admin");
  if (user instanceof NextResponse) return user;
  return NextResponse.json(currentPageSettings());
}

/** Changes some settings and publishes them; `?preview=1` answers with the changes in words and writes nothing. */
export async function PUT(req: Request) {
  const user = await apiUser(req, "admin");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, pageSettingsSchema);
  if (input instanceof NextResponse) return input;
  try {
    if (new URL(req.url).searchParams.get("preview") === "1") return NextResponse.json({ changes: previewPageSettings(user, input) });
    const changes = await savePageSettings(user, input);
    return NextResponse.json({ ...currentPageSettings(), changes });
  } catch (err) {
    return publishProblem(err);
  }
}
