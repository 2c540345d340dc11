import { getDb } from "@/db/connection";
import { confirmSubscriber, removeSubscriber } from "@/db/subscribers";
import { problem } from "../../_lib/http";

type Ctx = { params: Promise<{ token: string }> };

/** Confirm: only the owner of the address got the link with this token. */
export async function POST(_req: Request, ctx: Ctx) {
  if (!confirmSubscriber(getDb(), (await ctx.params).token)) return problem(404, ["token: no such subscription"]);
  return new Response(null, { status: 204 });
}

/** Unsubscribe: the token in the link is the proof of ownership. */
export async function DELETE(_req: Request, ctx: Ctx) {
  if (!removeSubscriber(getDb(), (await ctx.params).token)) return problem(404, ["token: no such subscription"]);
  return new Response(null, { status: 204 });
}
