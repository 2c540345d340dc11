import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { subscribeSchema } from "@/lib/status-schemas";
import { forwardedClient } from "@/lib/throttle";
import { webhookProblem } from "@/lib/webhooks";
import { findComponent } from "@/publisher/state.mjs";
import { readState } from "@/publisher/site.mjs";
import { emailConfigured } from "@/server/email";
import { siteDir } from "@/server/site-config";
import { subscribe } from "@/server/subscribe";
import { problem, readJson } from "../_lib/http";

/** Public: subscribe an email address or a webhook to some components (none chosen means all). */
export async function POST(req: Request) {
  const input = await readJson(req, subscribeSchema);
  if (input instanceof NextResponse) return input;
  if (input.kind === "email" && !emailConfigured()) {
    return problem(400, ["kind: this site cannot send email (no mail server is configured); subscribe a webhook or read the feeds"]);
  }
  if (input.kind === "webhook") {
    const bad = webhookProblem(input.target, process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS === "1");
    if (bad) return problem(400, [bad]);
  }
  const state = readState(siteDir());
  const unknown = input.components.filter((c) => !findComponent(state, c));
  if (unknown.length) return problem(400, unknown.map((c) => `components: no component "${c}"`));
  const components = input.components.map((c) => findComponent(state, c)!.id);
  const base = (process.env.NEXTAUTH_URL || new URL(req.url).origin).replace(/\/$/, "");
  const client = forwardedClient(req.headers.get("x-forwarded-for"), Number(process.env.SITREP_TRUSTED_PROXIES || 0));
  const r = subscribe(getDb(), { kind: input.kind, target: input.target, components }, { appUrl: base, pageName: state.page.name }, client);
  if (r.kind === "busy") {
    return problem(429, [input.kind === "email"
      ? "target: too many sign-ups are waiting for confirmation right now; try again in an hour, or follow the feed meanwhile"
      : "target: too many webhooks were subscribed in the last hour; try again in an hour, or follow the feed meanwhile"], {}, { "retry-after": "3600" });
  }
  if (r.kind === "full") return problem(503, ["target: this status page has as many subscribers as it can notify; follow the Atom or RSS feed instead"]);
  if (r.kind === "email") {
    return NextResponse.json({ kind: "email", target: input.target, pending: true }, { status: 202 });
  }
  if (!r.created) return problem(409, ["target: this webhook URL is already subscribed; change or cancel it from the link given when it was subscribed"]);
  const s = r.subscriber;
  return NextResponse.json({
    kind: s.kind, target: s.target, components: s.components, manage: `${base}/subscribe/${s.manage_token}`,
    feed: `${base}/feeds/${s.feed_token}.atom`, secret: s.secret, signature_header: "x-sitrep-signature",
  }, { status: 201 });
}
