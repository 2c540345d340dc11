import { getDb } from "@/db/connection";
import { subscriberByToken } from "@/db/subscribers";
import { wants } from "@/lib/webhooks";
import { atomFeed, feedEntries } from "@/publisher/feeds.mjs";
import { readState } from "@/publisher/site.mjs";
import { siteDir } from "@/server/site-config";

/** A subscriber's private feed: only the incidents touching the components they chose. */
export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const token = (await ctx.params).file.replace(/\.atom$/, "");
  const sub = subscriberByToken(getDb(), token);
  if (!sub) return new Response("Not found\n", { status: 404 });
  const state = readState(siteDir());
  const mine = state.incidents.filter((i) => wants(sub.components, [...i.components, ...i.incident_updates.flatMap((u) => u.affected_components.map((c) => c.code))]));
  const names = sub.components.map((id) => state.components.find((c) => c.id === id)?.name ?? id);
  const body = atomFeed(state, feedEntries(mine), { title: `${state.page.name} status: ${names.length ? names.join(", ") : "all components"}`, selfPath: `feeds/${token}` });
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "private, max-age=10" } });
}
