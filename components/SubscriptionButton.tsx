"use client";
import { useHydrated } from "./ClientForm";
import { useState } from "react";

/** Confirm (for an email address that has not confirmed yet) or cancel a subscription. */
export function SubscriptionButton({ token, action }: { token: string; action: "confirm" | "unsubscribe" }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  if (done) {
    return <p role="status">{action === "confirm" ? "Confirmed. Updates for these components will come to this address." : "Unsubscribed. You will not hear from us again."}</p>;
  }
  const run = async () => {
    const res = await fetch(`/api/subscribe/${token}`, { method: action === "confirm" ? "POST" : "DELETE" });
    if (res.ok) setDone(true);
    else setError("That did not work; reload the page and try again.");
  };
  return (
    <>
      <button type="button" className={action === "confirm" ? "" : "secondary"} disabled={!hydrated} onClick={run}>{action === "confirm" ? "Confirm subscription" : "Unsubscribe"}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </>
  );
}
