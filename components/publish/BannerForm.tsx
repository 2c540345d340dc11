"use client";
import { ClientForm } from "../ClientForm";
import { useState } from "react";

/** The site-wide banner, e.g. "Sign-in is down; updates may be slower than usual". Empty removes it. */
export function BannerForm({ current }: { current: { text: string; level: string } | null }) {
  const [text, setText] = useState(current?.text ?? "");
  const [level, setLevel] = useState(current?.level ?? "info");
  const [error, setError] = useState<string | null>(null);
  return (
    <ClientForm className="row-fields" aria-label="Site banner" onSubmit={async (e) => {
      e.preventDefault();
      const res = await fetch("/api/status/banner", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, level }) });
      if (res.ok) window.location.reload();
      else setError(((await res.json()).problems ?? ["failed"]).join("; "));
    }}>
      <label className="wide"><span>Banner text</span><input value={text} onChange={(e) => setText(e.target.value)} maxLength={500} /></label>
      <label><span>Level</span><select value={level} onChange={(e) => setLevel(e.target.value)}>{["info", "warning", "critical"].map((l) => <option key={l}>{l}</option>)}</select></label>
      <button type="submit">{text ? "Publish banner" : "Remove banner"}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </ClientForm>
  );
}
