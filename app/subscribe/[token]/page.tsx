import { notFound } from "next/navigation";
import { getDb } from "@/db/connection";
import { subscriberByManageToken } from "@/db/subscribers";
import { SubscriptionButton } from "@/components/SubscriptionButton";
import { readState } from "@/publisher/site.mjs";
import { findComponent } from "@/publisher/state.mjs";
import { siteDir } from "@/server/site-config";

export const metadata = { title: "Your subscription" };

/** The chosen components by name; a site that cannot be read must not stop anyone unsubscribing. */
function chosenNames(ids: string[]): string[] {
  try {
    const state = readState(siteDir());
    return ids.map((id) => findComponent(state, id)?.name ?? id);
  } catch {
    return ids;
  }
}

export default async function ManageSubscription({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const sub = subscriberByManageToken(getDb(), token);
  if (!sub) notFound();
  const chosen = chosenNames(sub.components).join(", ");
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
      <p>Private feed: <a href={`/feeds/${sub.feed_token}.atom`}>/feeds/{sub.feed_token}.atom</a> (sharing it lets others read these updates, not change or cancel this subscription)</p>
      <SubscriptionButton token={token} action="unsubscribe" />
    </main>
  );
}
