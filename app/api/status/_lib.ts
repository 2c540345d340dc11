import { NextResponse } from "next/server";
import type { User } from "@/db/users";
import { incident as incidentShape } from "@/publisher/api.mjs";
import { PublishError } from "@/publisher/apply.mjs";
import type { Operation } from "@/publisher/publish.mjs";
import { SiteError } from "@/publisher/site.mjs";
import { publishFromApp } from "@/server/publish";
import { problem } from "../_lib/http";

/** Publishes and answers with the incident in Statuspage's shape; refusals become 4xx, a busy or broken site 503. */
export async function publishAndAnswer(user: User, op: Operation, opts: { linkTo?: string; status?: number } = {}) {
  try {
    const result = await publishFromApp(user, op, opts);
    if (!result.incident) return NextResponse.json({ page: result.state.page, banner: result.state.banner });
    return NextResponse.json(incidentShape(result.state, result.incident), { status: opts.status ?? 200 });
  } catch (err) {
    if (err instanceof PublishError) return problem(400, [err.message]);
    if (err instanceof SiteError) return problem(503, [`site: ${err.message}`]);
    throw err;
  }
}
