"use client";
import { useState } from "react";
import type { Finding, FindingKind } from "@/lib/disclosure";
import { useHydrated } from "../ClientForm";

/** Each finding with where it is; fix it in the text, or accept it on purpose (recorded with your name). */
export function FindingsList({ slug, findings, canAccept, labels, onShow }: {
  slug: string; findings: (Finding & { acceptedBy: string | null })[]; canAccept: boolean; labels: Record<FindingKind, string>; onShow: (f: Finding) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  if (!findings.length) return <p role="status">Nothing found that must not leave the company.</p>;
  const open = findings.filter((f) => !f.acceptedBy).length;
  async function accept(key: string) {
    const res = await fetch(`/api/incidents/${encodeURIComponent(slug)}/public/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) });
    if (res.ok) window.location.reload();
    else setError(((await res.json()).problems ?? ["failed"]).join("; "));
  }
  return (
    <>
      <p role="status">{open ? `${open} finding${open === 1 ? "" : "s"} to fix or accept before publishing.` : "Every finding was accepted."}</p>
      <ul className="findings">
        {findings.map((f) => (
          <li key={`${f.start}-${f.key}`} className={f.acceptedBy ? "accepted" : "open"}>
            <span className="finding-kind">{labels[f.kind]}</span> <code>{f.text}</code>
            <span className="finding-actions">
              <button type="button" className="secondary small" disabled={!hydrated} onClick={() => onShow(f)}>Show in text</button>
              {f.acceptedBy ? <span className="muted">accepted by {f.acceptedBy}</span>
                : canAccept && <button type="button" className="secondary small" disabled={!hydrated} onClick={() => accept(f.key)}>Accept</button>}
            </span>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </>
  );
}
