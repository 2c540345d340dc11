"use client";
import { ClientForm } from "./ClientForm";
import { useState } from "react";

type Result = { manage: string; feed: string; secret?: string; kind: string };

/** Subscribe by email or webhook to just the components you use; you also get a private feed of them. */
export function SubscribeForm({ components }: { components: { id: string; name: string }[] }) {
  const [kind, setKind] = useState("email");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      <fieldset className="zone-switch"><legend>Send updates by</legend>
        {["email", "webhook"].map((k) => <label key={k}><input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k}</label>)}
      </fieldset>
      <label>{kind === "email" ? "Email address" : "Webhook URL"}<input name="target" type={kind === "email" ? "email" : "url"} required /></label>
      <fieldset className="component-picker"><legend>Only these components (none ticked: all)</legend>
        {components.map((c) => <label key={c.id} className="check"><input type="checkbox" name="components" value={c.id} /> {c.name}</label>)}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">Subscribe</button>
    </ClientForm>
  );
}
