import { notFound } from "next/navigation";
import { getDb } from "@/db/connection";
import { subscriberByToken } from "@/db/subscribers";
import { UnsubscribeButton } from "@/components/UnsubscribeButton";

export const metadata = { title: "Your subscription" };

export default async function ManageSubscription({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const sub = subscriberByToken(getDb(), token);
  if (!sub) notFound();
  return (
    <main className="signin">
      <h1>Your subscription</h1>
      <p>Updates go to <strong>{sub.target}</strong> ({sub.kind}) for {sub.components.length ? sub.components.join(", ") : "all components"}.</p>
      <p>Private feed: <a href={`/feeds/${token}.atom`}>/feeds/{token}.atom</a></p>
      <UnsubscribeButton token={token} />
    </main>
  );
}
