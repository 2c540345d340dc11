"use client";
import { useState } from "react";
import { ClientForm } from "../ClientForm";
import type { ReviewPolicy } from "@/lib/review-rules";
import { SEVERITIES } from "@/lib/model";

/** The review rules: how many approvals (never the author's) publishing needs, and review deadlines by severity. */
export function ReviewSettingsForm({ initial }: { initial: ReviewPolicy }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section className="panel" aria-labelledby="review-settings-h">
      <h2 id="review-settings-h">Review</h2>
      <ClientForm className="row-fields" aria-label="Review rules" onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const policy = { requiredApprovals: Number(f.get("approvals")), deadlineDays: Object.fromEntries(SEVERITIES.map((s) => [s, Number(f.get(s))])) };
        const res = await fetch("/api/settings/review", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(policy) });
        setMessage(res.ok ? { ok: true, text: "Saved." } : { ok: false, text: ((await res.json()).problems ?? ["failed"]).join("; ") });
      }}>
        <label><span>Approvals needed to publish (not the author&apos;s)</span><input name="approvals" type="number" min={0} max={10} defaultValue={initial.requiredApprovals} /></label>
        {SEVERITIES.map((s) => (
          <label key={s}><span>{s}: review within (business days)</span><input name={s} type="number" min={1} max={60} defaultValue={initial.deadlineDays[s]} /></label>
        ))}
        <button type="submit">Save review rules</button>
        {message && <p className={message.ok ? "wide" : "error wide"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
      </ClientForm>
    </section>
  );
}
