import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { importQuerySchema } from "@/lib/api-schemas";
import { describeIssues } from "@/lib/model";
import { importBatch, importOne } from "@/server/import";
import { apiUser, problem, readBody } from "../../_lib/http";
import { hasRole } from "@/auth";
import { readUpload } from "./read-upload";
import { withUnlisted } from "../../_lib/incident-routes";
import { forgeryProblem, ownOrigins } from "@/lib/request-guard";

const TEXT_TYPES = /^(text\/|application\/(markdown|x-markdown)\b)/;

/**
 * One Markdown document in the body (text/markdown), or a batch: several files as multipart
 * "files" fields, or one zip / tar.gz archive as the body. `?preview=1` reads without saving;
 * otherwise the postmortems are saved as drafts, and a file imported before (same name) is updated.
 */
export async function POST(req: Request) {
  const url = new URL(req.url);
  const forged = forgeryProblem({ method: "POST", pathname: url.pathname, header: (n) => req.headers.get(n) }, ownOrigins(url.origin, process.env.NEXTAUTH_URL));
  if (forged) return problem(forged.startsWith("content-type") ? 415 : 403, [forged]);
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const query = importQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return problem(400, describeIssues(query.error));
  const { preview, name, keep_status: keepStatus } = query.data;
  if (keepStatus && !hasRole(user, "admin")) return problem(403, ["keep_status: only an admin can keep the documents' review status; leave it out to import as drafts"]);
  const type = req.headers.get("content-type") ?? "text/markdown";

  if (TEXT_TYPES.test(type)) {
    const text = await readBody(req);
    if (text instanceof NextResponse) return text;
    const report = importOne(getDb(), { name: name ?? "pasted text", text, keyed: Boolean(name) }, { author: user.email, save: !preview, keepStatus });
    if (!report.ok) return problem(400, report.error!.split("; "), { report });
    if (preview) return NextResponse.json({ preview: report });
    return NextResponse.json({ incident: withUnlisted(getIncident(getDb(), report.slug!)!), ...report }, { status: report.action === "create" ? 201 : 200 });
  }
  const files = await readUpload(req, name);
  if (files instanceof NextResponse) return files;
  return NextResponse.json(importBatch(getDb(), files, { author: user.email, save: !preview, keepStatus }));
}
