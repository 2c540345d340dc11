import { NextResponse } from "next/server";
import type { User } from "@/db/users";
import { incident as incidentShape } from "@/publisher/api.mjs";
import { explainFailure } from "@/publisher/errors.mjs";
import type { Operation } from "@/publisher/publish.mjs";
import { publishFromApp } from "@/server/publish";
import { problem } from "../_lib/http";

/** A publish that failed, in the same words the backup CLI uses: refusals 400, a busy, unwritable or full site 503/507. */
export function publishProblem(err: unknown): NextResponse {
  const { status, message } = explainFailure(err, "the status site's folder");
  if (status === 500) console.error("Sitrep: publish failed:", err);
  return problem(status, [status === 400 ? message : `site: ${message}`]);
}

/** Publishes and answers with the incident in Statuspage's shape. */
export async function publishAndAnswer(user: User, op: Operation, opts: { linkTo?: string; status?: number } = {}) {
  try {
    const result = await publishFromApp(user, op, opts);
    if (!result.incident) return NextResponse.json({ page: result.state.page, banner: result.state.banner });
    return NextResponse.json(incidentShape(result.state, result.incident), { status: opts.status ?? 200 });
  } catch (err) {
    return publishProblem(err);
  }
}
