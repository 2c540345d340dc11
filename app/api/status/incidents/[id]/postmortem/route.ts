import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { linkPostmortemSchema } from "@/lib/status-schemas";
import { exportPostmortem } from "@/lib/markdown/export";
import { renderMarkdown } from "@/lib/markdown/render";
import { TimeLimitExceeded, withinTime } from "@/lib/time-limit";
import { linkPostmortem } from "@/publisher/apply.mjs";
import { need } from "@/server/status-ops";
import { postmortemPage } from "@/publisher/pages.mjs";
import { apiUser, problem, readJson } from "../../../../_lib/http";
import { publishAndAnswer } from "../../../_lib";

const PUBLISH_RENDER_LIMIT_MS = 1000;

/** Publishes a postmortem (once it is published in the workbench) as a page of the site and links it from the incident. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await apiUser(req, "responder");
  if (user instanceof NextResponse) return user;
  const input = await readJson(req, linkPostmortemSchema);
  if (input instanceof NextResponse) return input;
  const pm = getIncident(getDb(), input.postmortem);
  if (!pm) return problem(404, [`postmortem: no postmortem "${input.postmortem}"`]);
  if (pm.postmortemStatus !== "published") return problem(400, [`postmortem: "${pm.slug}" is ${pm.postmortemStatus.replace("_", " ")}; publish it in the workbench first`]);
  // The page supplies its own title, so the front matter and the "# Title" line are left out.
  const source = exportPostmortem(pm).replace(/^---\n[\s\S]*?\n---\n/, "").replace(/^\s*# .*\n/, "");
  let body: string;
  try {
    body = withinTime(PUBLISH_RENDER_LIMIT_MS, () => renderMarkdown(source));
  } catch (err) {
    if (!(err instanceof TimeLimitExceeded)) throw err;
    return problem(422, [`postmortem: "${pm.slug}" is too complex to format within ${PUBLISH_RENDER_LIMIT_MS / 1000} s; simplify its Markdown (deeply nested or unclosed links?) and publish again`]);
  }
  const id = (await ctx.params).id;
  return publishAndAnswer(user, (s, c, find) =>
    linkPostmortem(s, need(find(id), id), { page: { slug: pm.slug, html: postmortemPage(s, pm.title, body) } }, c));
}
