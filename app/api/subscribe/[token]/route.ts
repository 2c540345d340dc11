import { getDb } from "@/db/connection";
import { removeSubscriber } from "@/db/subscribers";
import { problem } from "../../_lib/http";

/** Unsubscribe: the token in the link is the proof of ownership. */
export async function DELETE(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  if (!removeSubscriber(getDb(), (await ctx.params).token)) return problem(404, ["token: no such subscription"]);
  return new Response(null, { status: 204 });
}
