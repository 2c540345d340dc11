import { NextResponse } from "next/server";

/** The what-if picker works without JavaScript: a GET form lands here and is sent to the service's page. */
export async function GET(req: Request) {
  const slug = new URL(req.url).searchParams.get("slug") ?? "";
  const target = /^[a-z0-9][a-z0-9-]*$/.test(slug) ? `/services/${slug}` : "/services";
  return NextResponse.redirect(new URL(target, req.url), 303);
}
