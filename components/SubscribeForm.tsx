"use client";
import { ClientForm } from "./ClientForm";
import { useState } from "react";

type Result = { kind: string; target: string; pending?: boolean; manage?: string; feed?: string; secret?: string };

/** Subscribe by email or webhook to just the components you use; you also get a private feed of them. */
export function SubscribeForm({ components, email }: { components: { id: string; name: string }[]; email: boolean }) {
  const [kind, setKind] = useState(email ? "email" : "webhook");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (result?.pending) {
    return <div role="status" className="panel"><p>Almost done: we sent a link to <strong>{result.target}</strong>. Open it to confirm; nothing else is sent there until you do.</p></div>;
  }
  if (result) {
    return (
      <div role="status" className="panel">
        <p>Subscribed. Keep this page&apos;s link to change or cancel: <a href={result.manage}>{result.manage}</a></p>
        <p>Your private feed of these components: <a href={result.feed}>{result.feed}</a></p>
        {result.secret && <p>Webhook signing secret (shown once): <code>{result.secret}</code>. Each request carries <code>x-sitrep-signature: sha256=HMAC(body)</code>.</p>}
      </div>
    );
  }
  return (
    <ClientForm className="form wide-form" onSubmit={async (e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const res = await fetch("/api/subscribe", { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind, target: f.get("target"), components: f.getAll("components") }) });
      const json = await res.json();
      if (res.ok) setResult(json);
      else setError((json.problems ?? [json.error]).join("; "));
    }}>
      {email ? (
        <fieldset className="zone-switch"><legend>Send updates by</legend>
          {["email", "webhook"].map((k) => <label key={k}><input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k}</label>)}
        </fieldset>
      ) : <p className="muted">This site is not set up to send email: subscribe a webhook, or follow the <a href="/feed.atom">Atom</a> or <a href="/feed.rss">RSS</a> feed.</p>}
      <label>{kind === "email" ? "Email address" : "Webhook URL"}<input name="target" type={kind === "email" ? "email" : "url"} required /></label>
      <fieldset className="component-picker"><legend>Only these components (none ticked: all)</legend>
        {components.map((c) => <label key={c.id} className="check"><input type="checkbox" name="components" value={c.id} /> {c.name}</label>)}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">Subscribe</button>
    </ClientForm>
  );
}
