import { SubscribeForm } from "@/components/SubscribeForm";
import { readState } from "@/publisher/site.mjs";
import { emailConfigured } from "@/server/email";
import { siteDir } from "@/server/site-config";

export const metadata = { title: "Subscribe to status updates" };
export const dynamic = "force-dynamic";

export default function SubscribePage() {
  const state = readState(siteDir());
  return (
    <main className="signin">
      <h1>Subscribe to {state.page.name} status updates</h1>
      <p className="muted">Choose the components you use to hear only about those. <a href="/status/">Back to the status page</a></p>
      <SubscribeForm components={state.components.map((c) => ({ id: c.id, name: c.name }))} email={emailConfigured()} />
    </main>
  );
}
