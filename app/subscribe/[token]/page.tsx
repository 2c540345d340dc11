import { notFound } from "next/navigation";
import { getDb } from "@/db/connection";
import { subscriberByToken } from "@/db/subscribers";
import { SubscriptionButton } from "@/components/SubscriptionButton";
import { readState } from "@/publisher/site.mjs";
import { siteDir } from "@/server/site-config";

export const metadata = { title: "Your subscription" };

/** Names for the ids a subscriber chose; a site that cannot be read must not stop anyone unsubscribing. */
function componentNames(): Map<string, string> {
  try {
    return new Map(readState(siteDir()).components.map((c) => [c.id, c.name]));
  } catch {
    return new Map();
  }
}

export default async function ManageSubscription({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const sub = subscriberByToken(getDb(), token);
  if (!sub) notFound();
  const names = componentNames();
  const chosen = sub.components.map((id) => names.get(id) ?? id).join(", ");
  const what = <>Updates for <strong>{chosen || "all components"}</strong> to <strong>{sub.target}</strong> ({sub.kind}).</>;
  if (!sub.confirmed_at) {
    return (
      <main className="signin">
        <h1>Confirm your subscription</h1>
        <p>{what} Nothing is sent until you confirm.</p>
        <SubscriptionButton token={token} action="confirm" />
      </main>
    );
  }
  return (
    <main className="signin">
      <h1>Your subscription</h1>
      <p>{what}</p>
      <p>Private feed: <a href={`/feeds/${token}.atom`}>/feeds/{token}.atom</a></p>
      <SubscriptionButton token={token} action="unsubscribe" />
    </main>
  );
}
