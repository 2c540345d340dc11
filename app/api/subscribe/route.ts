import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { addSubscriber } from "@/db/subscribers";
import { subscribeSchema } from "@/lib/status-schemas";
import { webhookProblem } from "@/lib/webhooks";
import { findComponent } from "@/publisher/state.mjs";
import { readState } from "@/publisher/site.mjs";
import { siteDir } from "@/server/site-config";
import { problem, readJson } from "../_lib/http";

/** Public: subscribe an email address or a webhook to some components (none chosen means all). */
export async function POST(req: Request) {
  const input = await readJson(req, subscribeSchema);
  if (input instanceof NextResponse) return input;
  if (input.kind === "webhook") {
    const bad = webhookProblem(input.target, process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS === "1");
    if (bad) return problem(400, [bad]);
  }
  const state = readState(siteDir());
  const unknown = input.components.filter((c) => !findComponent(state, c));
  if (unknown.length) return problem(400, unknown.map((c) => `components: no component "${c}"`));
  const ids = input.components.map((c) => findComponent(state, c)!.id);
  const s = addSubscriber(getDb(), { kind: input.kind, target: input.target, components: ids });
  const base = new URL(req.url).origin;
  return NextResponse.json({
    kind: s.kind, target: s.target, components: s.components, manage: `${base}/subscribe/${s.feed_token}`,
    feed: `${base}/feeds/${s.feed_token}.atom`, ...(s.kind === "webhook" ? { secret: s.secret, signature_header: "x-sitrep-signature" } : {}),
  }, { status: 201 });
}
